#include "pipeline/enrich/spotify_fetcher.h"

#include <gtest/gtest.h>

#include <simdjson.h>

#include "http/stop_run.h"
#include "pipeline/enrich/enrich_test_support.h"
#include "pipeline/enrich/search_decisions.h"

namespace uw::enrich {
namespace {

using fakes::Fault;
using fakes::FaultKind;
using test::Harness;
using test::Id;
using test::kDayMs;
using test::kMinuteMs;

// Requests the fake received for a path prefix whose query asks for several ids.
int64_t BatchRequests(const fakes::FakeSpotify& fake, const std::string& path) {
  int64_t n = 0;
  for (const auto& r : fake.Requests()) n += r.path == path && r.query.find("ids=") != std::string::npos;
  return n;
}

std::string IdOfObject(const std::string& json) {
  simdjson::dom::parser parser;
  return std::string(std::string_view(parser.parse(json)["id"]));
}

TEST(SpotifyFetcher, BatchEndpointLandsOneObjectPerIdAndConfirmsMissingOnes) {
  Harness h("batch");
  std::vector<Id> ids;
  for (int i = 0; i < 5; ++i) ids.push_back({ObjectKind::kTracks, h.AddTrack(std::to_string(i)).id});
  const std::string missing = fakes::FakeId("no-such-track");
  ids.push_back({ObjectKind::kTracks, missing});

  const EnrichReport report = h.Run(ids);
  EXPECT_EQ(report.stop, StopKind::kNone) << report.stop_message;
  EXPECT_EQ(BatchRequests(h.fake, "/v1/tracks"), 1);
  for (int i = 0; i < 5; ++i) {
    const std::string id = ids[i].id;
    ASSERT_TRUE(h.InBronze(ObjectKind::kTracks, id)) << id;
    EXPECT_EQ(IdOfObject(h.lake.Get(lake::BronzeSpotifyObject("tracks", id))), id);
    EXPECT_EQ(h.fake.SuccessfulFetches("tracks", id), 1);
    // The album and the artist the track names were found and fetched too.
    EXPECT_TRUE(h.InBronze(ObjectKind::kAlbums, fakes::FakeId("album-" + std::to_string(i))));
    EXPECT_TRUE(h.InBronze(ObjectKind::kArtists, fakes::FakeId("artist-" + std::to_string(i))));
  }
  // The null in the batch was asked once more on its own before being called not found.
  EXPECT_EQ(h.fake.RequestCount("/v1/tracks/" + missing), 1);
  EXPECT_FALSE(h.InBronze(ObjectKind::kTracks, missing));
  const EnrichmentState state = h.State();
  ASSERT_NE(state.FindNotFound("tracks", missing), nullptr);
  EXPECT_EQ(state.FindNotFound("tracks", missing)->next_retry_at_ms, test::kStartMs + 7 * kDayMs);
  EXPECT_EQ(report.of(ObjectKind::kTracks).fetched, 5);
  EXPECT_EQ(report.of(ObjectKind::kTracks).not_found, 1);
  EXPECT_EQ(report.totals.of(ObjectKind::kAlbums).fetched, 5u);
  EXPECT_FALSE(report.work_left());
}

TEST(SpotifyFetcher, DevelopmentModeFallsBackToSingleLookupsAndRemembers) {
  Harness h("dev-mode");
  h.fake.SetDevelopmentMode(true);
  std::vector<Id> ids;
  for (int i = 0; i < 4; ++i) ids.push_back({ObjectKind::kTracks, h.AddTrack(std::to_string(i)).id});
  EnrichReport report = h.Run(ids);
  EXPECT_EQ(report.stop, StopKind::kNone) << report.stop_message;
  for (const Id& id : ids) EXPECT_EQ(h.fake.SuccessfulFetches("tracks", id.id), 1) << id.id;
  EXPECT_EQ(BatchRequests(h.fake, "/v1/tracks"), 1);  // asked once, answered 403
  EXPECT_TRUE(h.State().batch_unavailable.contains("tracks"));
  EXPECT_TRUE(h.State().not_found.empty());
  EXPECT_EQ(report.totals.of(ObjectKind::kArtists).fetched, 4u);

  // The next run does not ask the batch endpoint again.
  for (int i = 4; i < 8; ++i) ids.push_back({ObjectKind::kTracks, h.AddTrack(std::to_string(i)).id});
  report = h.Run(ids);
  EXPECT_EQ(BatchRequests(h.fake, "/v1/tracks"), 1);
  for (const Id& id : ids) EXPECT_EQ(h.fake.SuccessfulFetches("tracks", id.id), 1) << id.id;
}

TEST(SpotifyFetcher, NullEntriesAreConfirmedBySingleLookups) {
  Harness h("null-entries");
  std::vector<Id> ids;
  for (int i = 0; i < 6; ++i) ids.push_back({ObjectKind::kTracks, h.AddTrack(std::to_string(i)).id});
  h.fake.QueueFault(test::MakeFault(FaultKind::kNullEntries, "/v1/tracks"));
  const EnrichReport report = h.Run(ids);
  EXPECT_EQ(h.fake.FaultsInjected(FaultKind::kNullEntries), 1);
  EXPECT_EQ(report.of(ObjectKind::kTracks).fetched, 6);
  EXPECT_EQ(report.of(ObjectKind::kTracks).not_found, 0);
  EXPECT_TRUE(h.State().not_found.empty());
  for (const Id& id : ids) EXPECT_EQ(h.fake.SuccessfulFetches("tracks", id.id), 1) << id.id;
}

TEST(SpotifyFetcher, NotFoundWaitsForItsRetryTime) {
  Harness h("not-found");
  h.fake.SetDevelopmentMode(true);
  const std::string missing = fakes::FakeId("missing-artist");
  const std::vector<Id> ids = {{ObjectKind::kArtists, missing}};
  h.Run(ids);
  EXPECT_EQ(h.fake.RequestCount("/v1/artists/" + missing), 1);
  EXPECT_EQ(h.State().FindNotFound("artists", missing)->attempts, 1);

  h.clock.AdvanceMs(6 * kDayMs);
  EnrichReport report = h.Run(ids);
  EXPECT_EQ(h.fake.RequestCount("/v1/artists/" + missing), 1);  // not due yet
  EXPECT_FALSE(report.work_left());
  EXPECT_EQ(report.totals.of(ObjectKind::kArtists).not_found, 1u);

  h.clock.AdvanceMs(kDayMs);  // 7 days: asked again; it exists now
  fakes::ArtistSpec back;
  back.id = missing;
  back.name = "Back Again";
  h.fake.AddArtist(back);
  report = h.Run(ids);
  EXPECT_EQ(h.fake.RequestCount("/v1/artists/" + missing), 2);
  EXPECT_TRUE(h.InBronze(ObjectKind::kArtists, missing));
  EXPECT_TRUE(h.State().not_found.empty());
}

TEST(SpotifyFetcher, InvalidIdIsNotFoundForGood) {
  Harness h("invalid-id");
  const std::vector<Id> ids = {{ObjectKind::kAlbums, "not-a-base62-id"}, {ObjectKind::kAlbums, "also!bad"}};
  h.Run(ids);
  const EnrichmentState state = h.State();
  ASSERT_NE(state.FindNotFound("albums", "not-a-base62-id"), nullptr);
  EXPECT_TRUE(state.FindNotFound("albums", "not-a-base62-id")->invalid);
  h.clock.AdvanceMs(1000 * kDayMs);
  const int64_t before = h.fake.TotalRequests();
  h.Run(ids);
  EXPECT_EQ(h.fake.TotalRequests(), before);
}

TEST(SpotifyFetcher, FailedLookupIsAFailureNeverANotFound) {
  Harness h("failure");
  h.fake.SetDevelopmentMode(true);
  const std::string id = h.AddTrack("0").id;
  const std::vector<Id> ids = {{ObjectKind::kTracks, id}};
  // Every try of the single lookup fails (max_attempts 3).
  h.fake.QueueFault(test::MakeFault(FaultKind::k503, "/v1/tracks/" + id, 3));
  EnrichReport report = h.Run(ids);
  EXPECT_EQ(report.stop, StopKind::kNone);
  EXPECT_EQ(report.of(ObjectKind::kTracks).failed, 1);
  EnrichmentState state = h.State();
  EXPECT_EQ(state.FindNotFound("tracks", id), nullptr);
  ASSERT_NE(state.FindFailure("tracks", id), nullptr);
  EXPECT_EQ(state.FindFailure("tracks", id)->attempts, 1);
  EXPECT_EQ(state.FindFailure("tracks", id)->last_status, 503);
  EXPECT_EQ(report.totals.of(ObjectKind::kTracks).failed, 1u);

  h.Run(ids);  // within 15 minutes: not asked again
  EXPECT_EQ(h.fake.RequestCount("/v1/tracks/" + id), 3);
  h.clock.AdvanceMs(15 * kMinuteMs);
  report = h.Run(ids);
  EXPECT_TRUE(h.InBronze(ObjectKind::kTracks, id));
  EXPECT_EQ(h.fake.SuccessfulFetches("tracks", id), 1);
  EXPECT_TRUE(h.State().failed.empty());
}

TEST(SpotifyFetcher, NetworkTimeoutsAreFailuresWithStatusZero) {
  Harness h("timeout", 300);
  h.fake.SetDevelopmentMode(true);
  const std::string id = h.AddTrack("0").id;
  h.fake.QueueFault(test::MakeFault(FaultKind::kTimeout, "/v1/tracks/", 3, 1, 1500));
  h.Run({{ObjectKind::kTracks, id}});
  const EnrichmentState state = h.State();
  ASSERT_NE(state.FindFailure("tracks", id), nullptr);
  EXPECT_EQ(state.FindFailure("tracks", id)->last_status, 0);
  EXPECT_EQ(state.FindNotFound("tracks", id), nullptr);
}

TEST(SpotifyFetcher, LongRetryAfterStopsTheRunUntilTheResumeTime) {
  Harness h("retry-after");
  std::vector<Id> ids;
  for (int i = 0; i < 3; ++i) ids.push_back({ObjectKind::kTracks, h.AddTrack(std::to_string(i)).id});
  h.fake.QueueFault(test::MakeFault(FaultKind::k429, "/v1/tracks", 1, 7200));
  const int64_t start = h.clock.NowMs();
  EnrichReport report = h.Run(ids);
  EXPECT_EQ(report.stop, StopKind::kRateLimited);
  ASSERT_TRUE(report.resume_at_ms.has_value());
  EXPECT_GE(*report.resume_at_ms, start + 7200'000);
  EXPECT_LT(*report.resume_at_ms, start + 7201'000);
  EXPECT_NE(report.stop_message.find("resume after " + http::FormatUtc(*report.resume_at_ms)), std::string::npos)
      << report.stop_message;
  EXPECT_TRUE(report.work_left());
  EXPECT_EQ(h.State().resume_after_ms, report.resume_at_ms);
  EXPECT_EQ(h.BronzeCount(ObjectKind::kTracks), 0u);

  // Before the resume time a run sends nothing.
  h.clock.AdvanceMs(3600'000);
  const int64_t requests = h.fake.TotalRequests();
  report = h.Run(ids);
  EXPECT_EQ(h.fake.TotalRequests(), requests);
  EXPECT_EQ(report.stop, StopKind::kRateLimited);
  EXPECT_NE(report.stop_message.find("resume after"), std::string::npos);

  // After it, the run continues and finishes.
  h.clock.AdvanceMs(3601'000);
  report = h.Run(ids);
  EXPECT_EQ(report.stop, StopKind::kNone) << report.stop_message;
  EXPECT_EQ(h.BronzeCount(ObjectKind::kTracks), 3u);
  EXPECT_FALSE(h.State().resume_after_ms.has_value());
}

TEST(SpotifyFetcher, BudgetAndUntilStopCleanlyAndTheNextRunResumes) {
  Harness h("budget");
  h.fake.SetDevelopmentMode(true);
  std::vector<Id> ids;
  for (int i = 0; i < 6; ++i) ids.push_back({ObjectKind::kTracks, h.AddTrack(std::to_string(i)).id});
  // Budget 4: the token refresh, the refused batch and two single lookups.
  EnrichReport report = h.Run(ids, {}, 4);
  EXPECT_EQ(report.stop, StopKind::kBudgetSpent);
  EXPECT_EQ(report.of(ObjectKind::kTracks).fetched, 2);
  EXPECT_TRUE(report.work_left());
  EXPECT_EQ(report.totals.of(ObjectKind::kTracks).pending, 4u);

  FetchOptions until;
  until.until_ms = h.clock.NowMs();
  const int64_t requests = h.fake.TotalRequests();
  report = h.Run(ids, until);
  EXPECT_EQ(report.stop, StopKind::kUntil);
  EXPECT_EQ(h.fake.TotalRequests(), requests);

  report = h.Run(ids);
  EXPECT_EQ(report.stop, StopKind::kNone);
  for (const Id& id : ids) EXPECT_EQ(h.fake.SuccessfulFetches("tracks", id.id), 1) << id.id;
}

TEST(SpotifyFetcher, ForbiddenSingleLookupStopsTheRun) {
  storage::MemoryStore lake("enrich-forbidden");
  http::FakeClock clock(test::kStartMs);
  int calls = 0;
  const ApiGet get = [&](const std::string&) {
    ++calls;
    return http::Response{403, {}, "{\"error\":{\"status\":403,\"message\":\"Forbidden\"}}"};
  };
  EnrichmentQueue queue;
  queue.AddKnown(ObjectKind::kTracks, "a");
  queue.AddKnown(ObjectKind::kTracks, "b");
  queue.AddKnown(ObjectKind::kArtists, "c");
  SpotifyFetcher fetcher(lake, get, clock, {});
  const EnrichReport report = fetcher.Run(queue);
  EXPECT_EQ(report.stop, StopKind::kRefused);
  EXPECT_NE(report.stop_message.find("user list"), std::string::npos) << report.stop_message;
  EXPECT_EQ(calls, 2);  // the refused batch, then the first single lookup
  const EnrichmentState state = LoadEnrichmentState(lake);
  EXPECT_TRUE(state.not_found.empty());
  EXPECT_TRUE(state.failed.empty());
}

TEST(SpotifyFetcher, SearchesNameOnlyTracksOnceAndFetchesConfidentMatches) {
  Harness h("search");
  h.fake.SetDevelopmentMode(true);
  const std::string plain = h.AddTrack("p", "Yellow", "Coldplay").id;
  const std::string variant = h.AddTrack("v", "Deja Vu", "Beyonce").id;
  // The same title by two artists, both featuring "Guest": ambiguous for Guest.
  for (const char* main : {"A", "B"}) {
    fakes::TrackSpec t = h.AddTrack(std::string("feat-") + main, "Song", main);
    t.artists.push_back({fakes::FakeId("guest"), "Guest"});
    h.fake.AddTrack(t);
  }
  const std::vector<NameOnlyTrack> name_only = {
      {"name:0000000000000001", "yellow", "COLDPLAY"},
      {"name:0000000000000002", "Déjà Vu - 2011 Remaster", "Beyoncé"},
      {"name:0000000000000003", "Song", "Guest"},
      {"name:0000000000000004", "Unknown Song", "Nobody"},
      {"name:0000000000000005", "No Artist", ""},
  };
  EnrichReport report = h.Run({}, {}, 0, name_only);
  EXPECT_EQ(report.stop, StopKind::kNone) << report.stop_message;
  EXPECT_EQ(report.searched, 5);
  EXPECT_EQ(report.search_accepted, 2);

  const SearchDecisions decisions = LoadSearchDecisions(h.lake);
  ASSERT_EQ(decisions.size(), 5u);
  EXPECT_EQ(decisions.at("name:0000000000000001").track_id, plain);
  EXPECT_EQ(decisions.at("name:0000000000000001").queries.size(), 1u);
  const SearchRecord& v = decisions.at("name:0000000000000002");
  EXPECT_EQ(v.track_id, variant);
  EXPECT_EQ(v.queries, (std::vector<std::string>{"track:\"Déjà Vu - 2011 Remaster\" artist:\"Beyoncé\"",
                                                 "track:\"Deja Vu\" artist:\"Beyonce\""}));
  EXPECT_EQ(v.reason, "match after dropping the version suffix");
  EXPECT_TRUE(decisions.at("name:0000000000000003").track_id.empty());
  EXPECT_NE(decisions.at("name:0000000000000003").reason.find("ambiguous"), std::string::npos);
  EXPECT_TRUE(decisions.at("name:0000000000000004").track_id.empty());
  EXPECT_NE(decisions.at("name:0000000000000005").reason.find("not searched"), std::string::npos);
  for (const auto& [key, record] : decisions) {
    for (const std::string& q : record.queries) EXPECT_TRUE(h.lake.Exists(lake::BronzeSpotifySearch(q))) << q;
  }
  // Accepted ids were fetched like any other track.
  EXPECT_TRUE(h.InBronze(ObjectKind::kTracks, plain));
  EXPECT_TRUE(h.InBronze(ObjectKind::kTracks, variant));
  EXPECT_EQ(h.BronzeCount(ObjectKind::kTracks), 2u);

  // Searched once: a second run asks nothing.
  const size_t queries = h.fake.SearchQueries().size();
  report = h.Run({}, {}, 0, name_only);
  EXPECT_EQ(h.fake.SearchQueries().size(), queries);
  EXPECT_EQ(report.searched, 0);
}

}  // namespace
}  // namespace uw::enrich
