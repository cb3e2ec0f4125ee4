#include "pipeline/ingest/recently_played_poller.h"

#include <fmt/format.h>
#include <simdjson.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>

#include "core/error.h"
#include "sources/spotify_export/export_kinds.h"
#include "sources/spotify_export/json_fields.h"
#include "sources/spotify_export/record_validator.h"

namespace uw::ingest {
namespace {

namespace se = spotify_export;

std::string PagePath(std::optional<int64_t> before_ms) {
  std::string path = fmt::format("{}?limit={}", kRecentlyPlayedPath, kPageLimit);
  if (before_ms) path += fmt::format("&before={}", *before_ms);
  return path;
}

// The "message" of a Web API error body, for messages; "" when there is none.
std::string ErrorMessage(const std::string& body) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  std::string_view message;
  if (parser.parse(body).get(root) || root["error"]["message"].get(message)) return {};
  return std::string(message.substr(0, 200));
}

// Statuses other than 200 that reach us (the client retried 429 and 5xx already).
[[noreturn]] void FailOnStatus(const http::Response& response) {
  const std::string message = ErrorMessage(response.body);
  const std::string detail = message.empty() ? "" : fmt::format(" ({})", message);
  if (response.status == 401 || response.status == 403) {
    Fail(ErrorCode::kInput,
         "Spotify refused recently-played with HTTP {}{}: the sign-in needs the "
         "user-read-recently-played scope and your account must be allow-listed in the app; run "
         "`unwrapped auth spotify` again",
         response.status, detail);
  }
  Fail(ErrorCode::kIo, "Spotify answered recently-played with HTTP {}{}", response.status, detail);
}

std::optional<int64_t> ParseMillis(std::string_view text) {
  int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Items through the validator silver uses, so a key counts as landed only when silver will
// read that play from the landed file.
void ReadItems(simdjson::dom::array items, Page& page) {
  se::RecentlyPlayedItem item;
  for (simdjson::dom::element element : items) {
    ++page.items;
    if (!se::ValidateRecentlyPlayedItem(element, item).empty() ||
        item.content_type == se::ContentType::kUnidentifiable) {
      ++page.unusable_items;
      continue;
    }
    const std::string track = TrackKeyOf(item.track_id, item.track_uri, item.track_name);
    page.keys.insert({item.played_at_ms, track});
  }
}

// The "before" cursor of the next page: cursors.before (a string of ms), else the oldest item.
std::optional<int64_t> BeforeCursor(simdjson::dom::object root, const Page& page) {
  std::string_view before;
  if (!root["cursors"]["before"].get(before)) {
    if (auto ms = ParseMillis(before)) return ms;
  }
  if (page.keys.empty()) return std::nullopt;
  return page.keys.begin()->played_at_ms;
}

// Whether to ask for the page before the ones fetched: the last page was full and Spotify says
// there is more, and nothing fetched reaches back to the cursor yet.
bool WantOlderPage(const std::vector<Page>& pages, int64_t cursor_ms) {
  const Page& last = pages.back();
  if (last.items < static_cast<size_t>(kPageLimit) || !last.has_next || !last.before_ms) {
    return false;
  }
  for (const Page& page : pages) {
    if (!page.keys.empty() && page.keys.begin()->played_at_ms <= cursor_ms) return false;
  }
  return true;
}

}  // namespace

std::string TrackKeyOf(const std::optional<std::string_view>& id,
                       const std::optional<std::string_view>& uri,
                       const std::optional<std::string_view>& name) {
  constexpr std::string_view kTrackUri = "spotify:track:";
  if (se::Has(id)) return std::string(*id);
  // The same play once with and once without its id must still be one key.
  if (se::Has(uri) && uri->starts_with(kTrackUri) && uri->size() > kTrackUri.size()) {
    return std::string(uri->substr(kTrackUri.size()));
  }
  if (se::Has(uri)) return std::string(*uri);
  if (se::Has(name)) return std::string(*name);
  return {};
}

Page ReadPage(std::string body, int number, int64_t fetched_at_ms) {
  Page page;
  page.number = number;
  page.fetched_at_ms = fetched_at_ms;
  page.body = std::move(body);
  simdjson::dom::parser parser;
  simdjson::dom::object root;
  simdjson::dom::array items;
  if (parser.parse(page.body).get(root) || root["items"].get(items)) {
    Fail(ErrorCode::kIo,
         "Spotify's recently-played response (page {}) is not a JSON object with \"items\"; "
         "nothing from it was landed",
         number);
  }
  ReadItems(items, page);
  simdjson::dom::element next;
  page.has_next = !root["next"].get(next) && !next.is_null();
  page.before_ms = BeforeCursor(root, page);
  return page;
}

PollResult PollRecentlyPlayed(const Fetch& fetch, http::Clock& clock, int64_t cursor_ms,
                              int max_pages) {
  PollResult result;
  std::optional<int64_t> before;
  for (int number = 1; number <= std::max(1, max_pages); ++number) {
    try {
      const http::Response response = fetch(PagePath(before));
      if (response.status == 204) break;  // no content: nothing played (yet)
      if (response.status != 200) FailOnStatus(response);
      result.pages.push_back(ReadPage(response.body, number, clock.NowMs()));
    } catch (const http::StopRun& stop) {
      result.stop = stop;
      break;
    } catch (const std::exception& e) {
      if (result.pages.empty()) throw;
      spdlog::warn("recently-played page {} failed: {}", number, e.what());
      result.failure = std::current_exception();
      break;
    }
    if (!WantOlderPage(result.pages, cursor_ms)) break;
    before = result.pages.back().before_ms;
  }
  return result;
}

}  // namespace uw::ingest
