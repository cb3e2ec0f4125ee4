#include "generator/api_polls.h"

#include <algorithm>

#include "generator/holdings.h"
#include "generator/scenario.h"

namespace uw::generator {
namespace {

constexpr int64_t kHourMs = 3600 * 1000;
constexpr size_t kLimit = 50;

struct Candidate {
  int64_t played_at_ms;
  int64_t visible_ms;
  uint32_t play;
};

// Plays a poll could show, by played_at. played_at is the end of the play; a few land in the
// next second (the API's clock runs a little behind the client's), never across a minute.
std::vector<Candidate> Candidates(const Timeline& timeline, Rng& rng, int64_t& skewed) {
  std::vector<Candidate> out;
  const int64_t from_ms = (scenario::kApiFirstPoll - 2 * scenario::kDay) * 1000;
  for (uint32_t i = 0; i < timeline.plays.size(); ++i) {
    const Play& p = timeline.plays[i];
    if (p.end_ms < from_ms || !ApiEligible(p)) continue;
    int64_t played_at = p.end_ms;
    if (rng.Chance(0.03) && p.ts() % 60 <= 58) {
      played_at = (p.ts() + 1) * 1000 + static_cast<int64_t>(rng.Below(1000));
      ++skewed;
    }
    const Session& s = timeline.sessions[p.session];
    // Offline devices report when they sync.
    const int64_t delay = p.Has(kOffline) ? s.sync_delay_ms : rng.Between(200, 5000);
    out.push_back({played_at, p.end_ms + delay, i});
  }
  // A flaky connection delays a few online plays by hours too, so every export has late arrivals.
  const int64_t polled_from = scenario::kApiFirstPoll * 1000;
  std::vector<size_t> polled;
  for (size_t k = 0; k < out.size(); ++k) {
    if (out[k].played_at_ms >= polled_from && !timeline.plays[out[k].play].Has(kOffline))
      polled.push_back(k);
  }
  rng.Shuffle(polled.begin(), polled.end());
  polled.resize(std::min(polled.size(), std::max<size_t>(4, polled.size() / 15)));
  for (const size_t k : polled)
    out[k].visible_ms = out[k].played_at_ms + rng.Between(kHourMs, 3 * kHourMs);
  std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    return a.played_at_ms != b.played_at_ms ? a.played_at_ms < b.played_at_ms : a.play < b.play;
  });
  return out;
}

}  // namespace

std::optional<int64_t> ApiCapture::PlayedAt(uint32_t play) const {
  const auto it = std::lower_bound(played_at.begin(), played_at.end(),
                                   std::make_pair(play, int64_t{INT64_MIN}));
  if (it == played_at.end() || it->first != play) return std::nullopt;
  return it->second;
}

int64_t ApiCapture::PlayedAtOf(uint32_t play) const { return *PlayedAt(play); }

ApiCapture SimulatePolls(const Timeline& timeline, Rng rng) {
  ApiCapture capture;
  const std::vector<Candidate> candidates = Candidates(timeline, rng, capture.second_skew);
  std::vector<uint8_t> seen(candidates.size(), 0);
  int64_t newest_seen = INT64_MIN;
  int64_t poll_ms = scenario::kApiFirstPoll * 1000 + rng.Between(0, kHourMs / 2);
  while (poll_ms < scenario::kEnd * 1000) {
    ApiPoll poll;
    poll.fetched_ms = poll_ms;
    poll.after_one_ms_early = rng.Chance(0.3);
    int64_t newest_this_poll = INT64_MIN;
    for (size_t k = candidates.size(); k-- > 0 && poll.items.size() < kLimit;) {
      const Candidate& c = candidates[k];
      if (c.played_at_ms > poll_ms || c.visible_ms > poll_ms) continue;
      poll.items.push_back(c.play);
      newest_this_poll = std::max(newest_this_poll, c.played_at_ms);
      if (!seen[k]) {
        seen[k] = 1;
        capture.played_at.emplace_back(c.play, c.played_at_ms);
        if (c.played_at_ms < newest_seen) ++capture.late_arrivals;
      }
    }
    newest_seen = std::max(newest_seen, newest_this_poll);
    capture.items += static_cast<int64_t>(poll.items.size());
    capture.polls.push_back(std::move(poll));
    poll_ms += kHourMs + rng.Between(-kHourMs / 6, kHourMs / 6);
  }
  const int64_t first_poll = capture.polls.empty() ? 0 : capture.polls.front().fetched_ms;
  for (size_t k = 0; k < candidates.size(); ++k) {
    if (!seen[k] && candidates[k].played_at_ms >= first_poll &&
        candidates[k].played_at_ms < scenario::kEnd * 1000) {
      ++capture.missed;
    }
  }
  std::sort(capture.played_at.begin(), capture.played_at.end());
  return capture;
}

}  // namespace uw::generator
