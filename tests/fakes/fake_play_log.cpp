#include "fakes/fake_play_log.h"

#include <algorithm>

namespace uw::fakes {

void PlayLog::Add(Play play) { plays_.push_back(std::move(play)); }

PlayPage PlayLog::Query(const PlayWindow& window, int64_t now_ms) const {
  std::vector<Play> visible;
  for (const auto& play : plays_) {
    if (play.visible_from_ms <= now_ms) visible.push_back(play);
  }
  std::stable_sort(visible.begin(), visible.end(),
                   [](const Play& a, const Play& b) { return a.played_at_ms > b.played_at_ms; });
  if (visible.size() > static_cast<size_t>(kReachablePlays)) visible.resize(kReachablePlays);

  std::vector<Play> in_window;
  for (auto& play : visible) {
    if (window.after_ms && play.played_at_ms <= *window.after_ms) continue;
    if (window.before_ms && play.played_at_ms >= *window.before_ms) continue;
    in_window.push_back(std::move(play));
  }
  PlayPage page;
  const size_t limit = static_cast<size_t>(std::max(window.limit, 0));
  page.more_older = in_window.size() > limit;
  if (page.more_older) in_window.resize(limit);
  page.items = std::move(in_window);
  return page;
}

}  // namespace uw::fakes
