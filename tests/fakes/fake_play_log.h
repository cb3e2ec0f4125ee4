// The fake's listening history behind GET /v1/me/player/recently-played (formats.md §3.1):
// plays become visible at their visible_from time (late arrivals), only the 50 most recent
// visible plays are reachable, and after/before are exclusive bounds. Not thread-safe;
// FakeSpotify serialises access.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace uw::fakes {

inline constexpr int kReachablePlays = 50;  // "only the last 50 plays are ever reachable"

struct Play {
  std::string track_id;
  int64_t played_at_ms = 0;
  std::string context_uri;  // "" = no context
  int64_t visible_from_ms = 0;
};

struct PlayWindow {
  int limit = 20;                  // 1..50
  std::optional<int64_t> after_ms;   // exclusive
  std::optional<int64_t> before_ms;  // exclusive; never together with after_ms
};

struct PlayPage {
  std::vector<Play> items;  // newest first
  bool more_older = false;  // reachable plays in the window older than the last item exist
};

class PlayLog {
 public:
  void Add(Play play);
  // The page for `window` as the service would answer at `now_ms`: the newest `limit` plays of
  // the window, also with after_ms (so a client polling after=<cursor> with a small limit can
  // miss plays, as with the real service; fetch 50).
  PlayPage Query(const PlayWindow& window, int64_t now_ms) const;

 private:
  std::vector<Play> plays_;
};

}  // namespace uw::fakes
