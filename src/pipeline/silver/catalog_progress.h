// CatalogProgress: which play ids a catalog being built on one thread (BuildCatalogInto,
// catalog.h) has set, so that the fact tables, which need only those ids, are built on other
// threads meanwhile. The podcast plays' ids are set first, then the music plays' newest first
// (the order the catalogue rules visit them in). A reader waits until the ids it reads are set;
// their writes happen before the wait returns. Thread safe.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "core/error.h"

namespace uw::silver {

class CatalogProgress {
 public:
  // Reader side: block until the ids of every podcast play (of music play i) are set. Throw
  // Error(kInternal) if the build failed first.
  void WaitForPodcasts() const { WaitUntil(kPodcastsSet); }
  void WaitForMusic(size_t i) const {
    // One load once the ids are set, as they are for all but the first play of a few batches.
    if (state_.load(std::memory_order_acquire) > MusicFrom(i)) WaitUntil(MusicFrom(i));
  }

  // Builder side: the podcast ids are set; the music ids of plays i and later are set; every id
  // is set; the build failed (waiting readers throw).
  void PodcastsSet() { Publish(kPodcastsSet); }
  void MusicSetFrom(size_t i) { Publish(MusicFrom(i)); }
  void AllSet() { Publish(0); }
  void Failed() { Publish(kFailed); }

 private:
  // One number that only goes down as ids are set: a reader may go on once it is at most the
  // number of what it reads. Failure is the largest, so no reader goes on.
  static constexpr uint64_t kFailed = UINT64_MAX;
  static constexpr uint64_t kNothingSet = UINT64_MAX - 1;
  static constexpr uint64_t kPodcastsSet = UINT64_MAX - 2;
  static uint64_t MusicFrom(size_t i) { return uint64_t(i) + 1; }

  void Publish(uint64_t state) {
    state_.store(state, std::memory_order_release);
    state_.notify_all();
  }
  void WaitUntil(uint64_t bound) const {
    for (uint64_t now = state_.load(std::memory_order_acquire); now > bound;
         now = state_.load(std::memory_order_acquire)) {
      if (now == kFailed)
        Fail(ErrorCode::kInternal, "the catalogue build failed before the ids the facts need");
      state_.wait(now, std::memory_order_acquire);
    }
  }

  std::atomic<uint64_t> state_{kNothingSet};
};

}  // namespace uw::silver
