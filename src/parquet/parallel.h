// ParallelFor: runs fn(0..count-1) on up to `threads` threads (the caller's included), handing
// out indices one at a time; rethrows the exception of the lowest failing index (deterministic:
// every lower index has started by then) once every started task has stopped. Used to encode and
// decode the columns of a row group concurrently. The helper threads come from one process-wide
// pool (so per-thread codec contexts are reused), and a caller never waits for a task that has not
// started, so nested calls cannot deadlock. Thread safe.
#pragma once

#include <cstddef>
#include <functional>

namespace uw::parquet {

// Threads to use by default: the machine's hardware concurrency (at least 1).
size_t DefaultThreads();

void ParallelFor(size_t count, size_t threads, const std::function<void(size_t)>& fn);

}  // namespace uw::parquet
