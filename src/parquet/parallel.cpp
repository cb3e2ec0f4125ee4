#include "parquet/parallel.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace uw::parquet {
namespace {

// One ParallelFor call. Tasks hold it by shared_ptr, so a task dequeued after the caller has
// returned finds `closed` and touches nothing else.
struct Job {
  const std::function<void(size_t)>* fn = nullptr;
  size_t count = 0;
  std::atomic<size_t> next{0};
  std::mutex mutex;
  std::condition_variable idle;
  bool closed = false;
  int active = 0;
  std::exception_ptr error;
  size_t error_index = 0;  // the lowest index that failed

  void Work() {
    for (size_t i = next++; i < count; i = next++) {
      try {
        (*fn)(i);
      } catch (...) {
        const std::lock_guard lock(mutex);
        // Indices are handed out in order, so every index below a failing one has started:
        // keeping the lowest failure makes the error the same on every run.
        if (!error || i < error_index) {
          error = std::current_exception();
          error_index = i;
        }
        next = count;  // stop handing out work
      }
    }
  }
  void RunAsHelper() {
    {
      const std::lock_guard lock(mutex);
      if (closed) return;
      ++active;
    }
    Work();
    const std::lock_guard lock(mutex);
    if (--active == 0) idle.notify_all();
  }
};

class Pool {
 public:
  explicit Pool(size_t workers) {
    for (size_t i = 0; i < workers; ++i) threads_.emplace_back([this] { Loop(); });
  }
  ~Pool() {
    {
      const std::lock_guard lock(mutex_);
      stop_ = true;
    }
    ready_.notify_all();
  }  // std::jthread joins
  size_t size() const { return threads_.size(); }
  void Post(std::shared_ptr<Job> job) {
    {
      const std::lock_guard lock(mutex_);
      queue_.push_back(std::move(job));
    }
    ready_.notify_one();
  }

 private:
  void Loop() {
    while (true) {
      std::shared_ptr<Job> job;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [this] { return stop_ || !queue_.empty(); });
        if (queue_.empty()) return;
        job = std::move(queue_.front());
        queue_.pop_front();
      }
      job->RunAsHelper();
    }
  }
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::shared_ptr<Job>> queue_;
  bool stop_ = false;
  std::vector<std::jthread> threads_;  // last: joined before the members above go
};

Pool& SharedPool() {
  static Pool pool(DefaultThreads() - 1);
  return pool;
}

}  // namespace

size_t DefaultThreads() { return std::max<size_t>(1, std::thread::hardware_concurrency()); }

void ParallelFor(size_t count, size_t threads, const std::function<void(size_t)>& fn) {
  Pool& pool = SharedPool();
  const size_t helpers = std::min({threads, count, pool.size() + 1}) - (count > 0 ? 1 : 0);
  if (threads <= 1 || helpers == 0) {
    for (size_t i = 0; i < count; ++i) fn(i);
    return;
  }
  auto job = std::make_shared<Job>();
  job->fn = &fn;
  job->count = count;
  for (size_t h = 0; h < helpers; ++h) pool.Post(job);
  job->Work();
  std::unique_lock lock(job->mutex);
  job->closed = true;
  job->idle.wait(lock, [&] { return job->active == 0; });
  // Take the exception out of the job: a helper may drop the last reference to the job later,
  // and the exception must then already belong to this thread alone.
  const std::exception_ptr error = std::exchange(job->error, nullptr);
  lock.unlock();
  if (error) std::rethrow_exception(error);
}

}  // namespace uw::parquet
