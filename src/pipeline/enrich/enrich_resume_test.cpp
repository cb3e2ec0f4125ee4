// The done-when test of `enrich spotify` (issue 6 item 4): 10,000 ids of mixed kinds, ~3 % of
// them unknown to the catalogue, against the fake with random faults on 10 % of requests, a
// request budget that needs several resumed runs and one long Retry-After on the way. In the
// end every existing id was fetched successfully exactly once and landed once, every missing
// id is not-found, and no existing id was ever recorded as not-found after any run.
#include <gtest/gtest.h>

#include <map>

#include "http/stop_run.h"
#include "pipeline/enrich/enrich_test_support.h"

namespace uw::enrich {
namespace {

using fakes::FaultKind;
using test::Harness;
using test::Id;

struct Catalogue {
  std::vector<Id> ids;                    // the silver-equivalent input: every id of every kind
  std::map<std::string, bool> exists;     // "<kind>/<id>" -> in the fake's catalogue
};

std::string Key(ObjectKind kind, const std::string& id) { return std::string(KindName(kind)) + "/" + id; }

// 7,000 tracks, 2,000 artists, 600 albums, 300 episodes and 100 shows; every 33rd id of each
// kind (about 3 %) is left out of the fake. Tracks name their album and artist, episodes their
// show, so the kinds also find each other through the responses.
Catalogue MakeCatalogue(fakes::FakeSpotify& fake) {
  Catalogue c;
  const auto add = [&](ObjectKind kind, int i, const std::string& id) {
    const bool exists = i % 33 != 7;
    c.ids.push_back({kind, id});
    c.exists[Key(kind, id)] = exists;
    return exists;
  };
  const auto artist_id = [](int i) { return fakes::FakeId("a" + std::to_string(i)); };
  const auto album_id = [](int i) { return fakes::FakeId("al" + std::to_string(i)); };
  const auto show_id = [](int i) { return fakes::FakeId("s" + std::to_string(i)); };
  for (int i = 0; i < 2000; ++i) {
    fakes::ArtistSpec a;
    a.id = artist_id(i);
    a.name = "Artist " + std::to_string(i);
    if (add(ObjectKind::kArtists, i, a.id)) fake.AddArtist(a);
  }
  std::vector<fakes::AlbumSpec> albums(600);
  for (int i = 0; i < 600; ++i) {
    albums[i].id = album_id(i);
    albums[i].name = "Album " + std::to_string(i);
    albums[i].artists = {{artist_id(i), "Artist " + std::to_string(i)}};
    if (add(ObjectKind::kAlbums, i, albums[i].id)) fake.AddAlbum(albums[i]);
  }
  for (int i = 0; i < 7000; ++i) {
    fakes::TrackSpec t;
    t.id = fakes::FakeId("t" + std::to_string(i));
    t.name = "Track " + std::to_string(i);
    t.artists = {{artist_id(i % 2000), "Artist " + std::to_string(i % 2000)}};
    t.album = albums[i % 600];
    t.duration_ms = 120000 + i;
    if (add(ObjectKind::kTracks, i, t.id)) fake.AddTrack(t);
  }
  std::vector<fakes::ShowSpec> shows(100);
  for (int i = 0; i < 100; ++i) {
    shows[i].id = show_id(i);
    shows[i].name = "Show " + std::to_string(i);
    if (add(ObjectKind::kShows, i, shows[i].id)) fake.AddShow(shows[i]);
  }
  for (int i = 0; i < 300; ++i) {
    fakes::EpisodeSpec e;
    e.id = fakes::FakeId("e" + std::to_string(i));
    e.name = "Episode " + std::to_string(i);
    e.show = shows[i % 100];
    if (add(ObjectKind::kEpisodes, i, e.id)) fake.AddEpisode(e);
  }
  return c;
}

// No id the fake knows is recorded as not found.
void ExpectNoExistingIdNotFound(const EnrichmentState& state, const Catalogue& c, int run) {
  for (const auto& [kind, entries] : state.not_found) {
    for (const auto& [id, entry] : entries) {
      const auto it = c.exists.find(kind + "/" + id);
      ASSERT_NE(it, c.exists.end()) << "run " << run << ": unexpected id " << kind << "/" << id;
      EXPECT_FALSE(it->second) << "run " << run << ": existing " << kind << "/" << id << " recorded as not found";
    }
  }
}

TEST(EnrichResume, TenThousandIdsWithFaultsOverSeveralResumedRuns) {
  // A client timeout well below the fake's held timeouts, well above its normal answers.
  Harness h("resume-10k", 1500);
  h.settings.spotify_max_attempts = 5;
  const Catalogue c = MakeCatalogue(h.fake);
  ASSERT_EQ(c.ids.size(), 10000u);
  fakes::Fault shape = test::MakeFault(FaultKind::k429, "", 1, 1, 4000);
  h.fake.SetRandomFaults(0.10,
                         {FaultKind::k429, FaultKind::k500, FaultKind::k502, FaultKind::k503,
                          FaultKind::kNullEntries, FaultKind::kFloatsForInts, FaultKind::kTimeout},
                         20260311, shape);

  int budget_stops = 0, runs = 0;
  bool rate_limited = false;
  for (; runs < 40; ++runs) {
    if (runs == 2) {
      // One long Retry-After on the way (queued faults go before random ones).
      h.fake.QueueFault(test::MakeFault(FaultKind::k429, "/v1/", 1, 5 * 3600));
    }
    const EnrichReport report = h.Run(c.ids, {}, 150);
    ExpectNoExistingIdNotFound(h.State(), c, runs);
    if (report.stop == StopKind::kRateLimited) {
      rate_limited = true;
      ASSERT_TRUE(report.resume_at_ms.has_value());
      EXPECT_NE(report.stop_message.find("resume after " + http::FormatUtc(*report.resume_at_ms)),
                std::string::npos)
          << report.stop_message;
      // A run before the resume time sends nothing; the one after it continues.
      const int64_t requests = h.fake.TotalRequests();
      EXPECT_EQ(h.Run(c.ids, {}, 150).stop, StopKind::kRateLimited);
      EXPECT_EQ(h.fake.TotalRequests(), requests);
      h.clock.AdvanceMs(*report.resume_at_ms - h.clock.NowMs() + 1000);
      continue;
    }
    ASSERT_NE(report.stop, StopKind::kRefused) << report.stop_message;
    ASSERT_NE(report.stop, StopKind::kQuotaExceeded) << report.stop_message;
    if (report.stop == StopKind::kBudgetSpent) ++budget_stops;
    if (report.stop == StopKind::kNone && !report.work_left()) break;
    h.clock.AdvanceMs(2 * test::kHourMs);  // failures become due again (15 min .. 1 h so far)
  }
  ASSERT_LT(runs, 40) << "enrichment did not finish";
  EXPECT_TRUE(rate_limited);
  EXPECT_GE(budget_stops, 3);

  const EnrichmentState state = h.State();
  size_t missing = 0;
  for (const Id& id : c.ids) {
    const bool exists = c.exists.at(Key(id.kind, id.id));
    const std::string kind(KindName(id.kind));
    if (exists) {
      EXPECT_TRUE(h.InBronze(id.kind, id.id)) << kind << "/" << id.id;
      EXPECT_EQ(h.fake.SuccessfulFetches(kind, id.id), 1) << kind << "/" << id.id;
    } else {
      ++missing;
      EXPECT_FALSE(h.InBronze(id.kind, id.id)) << kind << "/" << id.id;
      EXPECT_NE(state.FindNotFound(kind, id.id), nullptr) << kind << "/" << id.id;
    }
  }
  EXPECT_GT(missing, 250u);
  size_t landed = 0;
  for (const ObjectKind kind : kAllKinds) landed += h.BronzeCount(kind);
  EXPECT_EQ(landed, c.ids.size() - missing);
  EXPECT_TRUE(state.failed.empty());  // failures were transient: all fetched in the end
  size_t not_found = 0;
  for (const auto& [kind, entries] : state.not_found) not_found += entries.size();
  EXPECT_EQ(not_found, missing);
  // The faults really happened.
  for (const FaultKind kind : {FaultKind::k429, FaultKind::k503, FaultKind::kNullEntries,
                               FaultKind::kFloatsForInts, FaultKind::kTimeout}) {
    EXPECT_GT(h.fake.FaultsInjected(kind), 0) << fakes::FaultKindName(kind);
  }
}

}  // namespace
}  // namespace uw::enrich
