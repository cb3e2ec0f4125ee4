// The recently-played poller over the last three days: about hourly, each poll returns the 50
// most recent plays it can see (tracks only, >= 30 s, no private sessions; formats.md §3.1).
// Plays from offline devices become visible only when the device syncs, so they arrive late and
// out of order, and a play that falls out of the last 50 before its device syncs is never seen.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "generator/play.h"
#include "generator/rng.h"

namespace uw::generator {

struct ApiPoll {
  int64_t fetched_ms = 0;
  std::vector<uint32_t> items;      // play indices, newest played_at first
  bool after_one_ms_early = false;  // cursors.after 1 ms below the newest played_at (a real quirk)
};

struct ApiCapture {
  std::vector<ApiPoll> polls;
  // Captured plays and their played_at (epoch ms), sorted by play index.
  std::vector<std::pair<uint32_t, int64_t>> played_at;
  int64_t items = 0;          // items over all polls
  int64_t late_arrivals = 0;  // first seen below an item an earlier poll had already shown
  int64_t missed = 0;         // eligible plays no poll ever showed
  int64_t second_skew = 0;    // played_at in the second after the extended ts (§8.2 tolerance)

  std::optional<int64_t> PlayedAt(uint32_t play) const;
  int64_t PlayedAtOf(uint32_t play) const;  // precondition: captured
};

ApiCapture SimulatePolls(const Timeline& timeline, Rng rng);

}  // namespace uw::generator
