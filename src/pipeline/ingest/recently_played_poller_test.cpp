// The poller with a scripted Fetch: reading items, paging back, statuses and stops.
#include "pipeline/ingest/recently_played_poller.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <deque>

#include "core/civil_time.h"
#include "core/error.h"

namespace uw::ingest {
namespace {

std::string Item(const std::string& id, int64_t played_at_ms) {
  return fmt::format(
      R"({{"track":{{"id":"{0}","uri":"spotify:track:{0}","name":"N","duration_ms":1000,"type":"track"}},)"
      R"("played_at":"{1}","context":null}})",
      id, core::FormatIsoMillis(played_at_ms));
}

// A response with `count` items, newest first, ending `step` ms apart below `newest_ms`.
std::string Body(int count, int64_t newest_ms, bool next, int64_t step = 1000) {
  std::string items;
  for (int i = 0; i < count; ++i) {
    items += (i ? "," : "") + Item(fmt::format("t{}", newest_ms - i * step), newest_ms - i * step);
  }
  const int64_t oldest = newest_ms - (count - 1) * step;
  return fmt::format(
      R"({{"items":[{}],"next":{},"cursors":{},"limit":50}})", items,
      next ? "\"https://api.spotify.com/v1/me/player/recently-played?before=1\"" : "null",
      count ? fmt::format(R"({{"after":"{}","before":"{}"}})", newest_ms, oldest) : "null");
}

// Answers with the queued responses in order and records the requested paths.
struct Script {
  std::deque<http::Response> responses;
  std::vector<std::string> paths;
  Fetch fetch() {
    return [this](const std::string& path) {
      paths.push_back(path);
      if (responses.empty()) throw std::logic_error("unexpected request " + path);
      http::Response r = responses.front();
      responses.pop_front();
      return r;
    };
  }
};

http::Response Ok(std::string body) { return {200, {}, std::move(body)}; }

TEST(ReadPage, KeysUsableItemsAndCountsTheRest) {
  const std::string body =
      R"({"items":[)" + Item("a", 5000) +
      R"(,{"track":null,"played_at":"2025-01-01T00:00:00.000Z"},)"
      R"({"track":{"id":"b"},"played_at":12},)"
      R"({"track":{"uri":"spotify:track:c","duration_ms":2.5E5},"played_at":"2025-01-01T00:00:01.500Z"},)"
      R"(null],"next":null,"cursors":{"after":"5000","before":"1000"}})";
  const Page page = ReadPage(body, 1, 77);
  EXPECT_EQ(page.items, 5u);
  EXPECT_EQ(page.unusable_items, 3u);  // no track, played_at not a string, null item
  EXPECT_EQ(page.keys, (std::set<PlayKey>{{5000, "a"}, {1735689601500, "c"}}));
  EXPECT_FALSE(page.has_next);
  EXPECT_EQ(page.before_ms, 1000);
  EXPECT_EQ(page.fetched_at_ms, 77);
  EXPECT_EQ(page.body, body);
}

TEST(ReadPage, NotARecentlyPlayedResponseIsAnError) {
  for (const char* body : {"", "{", "[]", R"({"items":{}})", R"({"error":{"status":500}})"}) {
    try {
      ReadPage(body, 1, 0);
      FAIL() << body;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kIo);
    }
  }
}

TEST(TrackKey, IdThenUriThenName) {
  using S = std::optional<std::string_view>;
  EXPECT_EQ(TrackKeyOf(S("x"), S("spotify:track:y"), S("n")), "x");
  EXPECT_EQ(TrackKeyOf(S(""), S("spotify:track:y"), S("n")), "y");
  EXPECT_EQ(TrackKeyOf(S(), S("spotify:local:a:b:c:1"), S("n")), "spotify:local:a:b:c:1");
  EXPECT_EQ(TrackKeyOf(S(), S(), S("n")), "n");
  EXPECT_EQ(TrackKeyOf(S(), S(), S()), "");
}

TEST(Poll, OnePageWhenItReachesTheCursor) {
  http::FakeClock clock(500);
  Script script;
  script.responses.push_back(Ok(Body(50, 100000, true)));
  const PollResult r = PollRecentlyPlayed(script.fetch(), clock, 60000, 3);
  ASSERT_EQ(r.pages.size(), 1u);
  EXPECT_EQ(script.paths, std::vector<std::string>{"/me/player/recently-played?limit=50"});
  EXPECT_EQ(r.pages[0].fetched_at_ms, 500);
  EXPECT_FALSE(r.stop);
}

TEST(Poll, PagesBackWhileEverythingIsNewerThanTheCursor) {
  http::FakeClock clock;
  Script script;
  script.responses.push_back(Ok(Body(50, 200000, true)));
  script.responses.push_back(Ok(Body(50, 150000, true)));
  script.responses.push_back(Ok(Body(10, 100000, false)));
  const PollResult r = PollRecentlyPlayed(script.fetch(), clock, 1000, 5);
  ASSERT_EQ(r.pages.size(), 3u);
  EXPECT_EQ(script.paths[1], "/me/player/recently-played?limit=50&before=151000");
  EXPECT_EQ(script.paths[2], "/me/player/recently-played?limit=50&before=101000");
  EXPECT_EQ(r.pages[2].number, 3);
}

TEST(Poll, NoPagingWithoutNextOrBeyondMaxPages) {
  http::FakeClock clock;
  Script script;
  script.responses.push_back(Ok(Body(50, 200000, false)));
  EXPECT_EQ(PollRecentlyPlayed(script.fetch(), clock, 1000, 3).pages.size(), 1u);
  script.responses.push_back(Ok(Body(50, 200000, true)));
  script.responses.push_back(Ok(Body(50, 150000, true)));
  EXPECT_EQ(PollRecentlyPlayed(script.fetch(), clock, 1000, 2).pages.size(), 2u);
  EXPECT_TRUE(script.responses.empty());
}

TEST(Poll, NoContentIsAnEmptyPoll) {
  http::FakeClock clock;
  Script script;
  script.responses.push_back({204, {}, ""});
  const PollResult r = PollRecentlyPlayed(script.fetch(), clock, 0, 3);
  EXPECT_TRUE(r.pages.empty());
  EXPECT_FALSE(r.stop);
}

TEST(Poll, RefusalsAreSignInErrorsOtherStatusesIoErrors) {
  http::FakeClock clock;
  for (int status : {401, 403, 400, 404}) {
    Script script;
    script.responses.push_back({status, {}, R"({"error":{"status":403,"message":"Forbidden"}})"});
    try {
      PollRecentlyPlayed(script.fetch(), clock, 0, 3);
      FAIL() << status;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), status == 401 || status == 403 ? ErrorCode::kInput : ErrorCode::kIo);
      EXPECT_NE(std::string(e.what()).find(std::to_string(status)), std::string::npos);
    }
  }
}

TEST(Poll, AStopKeepsThePagesThatArrived) {
  http::FakeClock clock;
  int calls = 0;
  const Fetch fetch = [&](const std::string&) -> http::Response {
    if (calls++ == 0) return Ok(Body(50, 200000, true));
    throw http::StopRun(http::StopRun::Reason::kRateLimited, 999, "429 for a long time");
  };
  const PollResult r = PollRecentlyPlayed(fetch, clock, 1000, 3);
  EXPECT_EQ(r.pages.size(), 1u);
  ASSERT_TRUE(r.stop);
  EXPECT_EQ(r.stop->resume_at_ms(), 999);
  EXPECT_FALSE(r.failure);
}

TEST(Poll, AFailureAfterTheFirstPageIsKeptForLater) {
  http::FakeClock clock;
  int calls = 0;
  const Fetch fetch = [&](const std::string&) -> http::Response {
    if (calls++ == 0) return Ok(Body(50, 200000, true));
    throw http::RequestFailed(503, 3, "503 three times");
  };
  const PollResult r = PollRecentlyPlayed(fetch, clock, 1000, 3);
  EXPECT_EQ(r.pages.size(), 1u);
  EXPECT_TRUE(r.failure);
  const Fetch failing = [](const std::string&) -> http::Response {
    throw http::RequestFailed(503, 3, "503 three times");
  };
  EXPECT_THROW(PollRecentlyPlayed(failing, clock, 1000, 3), http::RequestFailed);
}

}  // namespace
}  // namespace uw::ingest
