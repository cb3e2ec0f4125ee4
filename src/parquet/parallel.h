// ParallelFor: runs fn(0..count-1) on up to `threads` threads (the caller's included), handing
// out indices one at a time; rethrows the first exception after every thread has stopped.
// Used to encode and decode the columns of a row group concurrently: columns are independent,
// and per-call threads cost microseconds against the milliseconds of work per call.
#pragma once

#include <cstddef>
#include <functional>

namespace uw::parquet {

// Threads to use by default: the machine's hardware concurrency (at least 1).
size_t DefaultThreads();

void ParallelFor(size_t count, size_t threads, const std::function<void(size_t)>& fn);

}  // namespace uw::parquet
