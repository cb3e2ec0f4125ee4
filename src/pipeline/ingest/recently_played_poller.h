// One poll of GET /me/player/recently-played (formats.md §3.1): the full 50 every time, because
// plays appear late and out of order (offline sync) and `after=` polling would miss them; then
// older pages (before=) while everything returned is newer than the cursor, i.e. more plays
// happened since the last poll than one page holds. Spotify keeps only the last 50, so a second
// page is usually empty; asking costs one request only when a gap is possible anyway.
// The poller only fetches and reads; which responses to land is ingest.cpp's decision.
#pragma once

#include <cstdint>
#include <exception>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "http/clock.h"
#include "http/request.h"
#include "http/stop_run.h"
#include "pipeline/ingest/ingest_state.h"

namespace uw::ingest {

// Sends an authorised GET for a Web API path and query ("/me/player/recently-played?limit=50")
// and returns the response (spotify_api::ApiClient::Get in the command; a fake in tests). It
// throws what http::Client throws (StopRun, RequestFailed) and uw::Error for sign-in problems.
using Fetch = std::function<http::Response(const std::string& path_and_query)>;

inline constexpr int kPageLimit = 50;  // the API's maximum and the whole reachable history
inline constexpr std::string_view kRecentlyPlayedPath = "/me/player/recently-played";

// One response as received, with what ingest needs to know about its items.
struct Page {
  int number = 1;  // 1 = the newest plays, 2 = the page before it, ...
  int64_t fetched_at_ms = 0;
  std::string body;                  // the raw 200 body, landed unchanged
  size_t items = 0;                  // entries of "items"
  size_t unusable_items = 0;         // rejected by silver's validator or without a track identity
  std::set<PlayKey> keys;            // the usable items
  bool has_next = false;             // "next" is not null
  std::optional<int64_t> before_ms;  // cursors.before (or the oldest played_at): the next page
};

struct PollResult {
  std::vector<Page> pages;
  // Spotify asked to stop (or the request budget ran out) before the poll was complete.
  std::optional<http::StopRun> stop;
  // A later page failed after earlier ones arrived: those are landed, then this is rethrown.
  std::exception_ptr failure;
};

// Polls as described above. `cursor_ms` (0 = none) decides whether to page back; at most
// `max_pages` requests. A StopRun is caught into the result; any other error on the first page
// propagates (nothing was fetched), on a later page it is kept in `failure`.
// Throws Error(kInput) for 401/403 (sign-in or allow-list problems), Error(kIo) for another
// status or a 200 body that is not a recently-played response.
PollResult PollRecentlyPlayed(const Fetch& fetch, http::Clock& clock, int64_t cursor_ms,
                              int max_pages);

// Reads a 200 body into a Page (items, keys, paging). Throws Error(kIo) when it is not a JSON
// object with an "items" array.
Page ReadPage(std::string body, int number, int64_t fetched_at_ms);

// The key a valid item is de-duplicated on: the track id, else the id in a spotify:track: URI,
// else the URI, else the name; "" when the item has no identity.
std::string TrackKeyOf(const std::optional<std::string_view>& id,
                       const std::optional<std::string_view>& uri,
                       const std::optional<std::string_view>& name);

}  // namespace uw::ingest
