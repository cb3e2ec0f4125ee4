// BuildCatalog on a varied history: the one pass (which reuses each track's artist and album
// while its plays carry the same ones) ends where adding the plays one at a time ends, and a
// reader on another thread waiting on CatalogProgress reads the very ids the build sets.
#include "pipeline/silver/catalog.h"

#include <gtest/gtest.h>

#include <random>

#include "pipeline/silver/catalog_progress.h"
#include "pipeline/silver/parallel_ranges.h"

namespace uw::silver {
namespace {

// Music plays in time order over a few tracks, whose plays vary the way the sources do: api
// plays carry artist and album ids, names come in two spellings or not at all, some plays are
// name-only (no URI) or local files, some carry a duration.
ResolvedPlays VariedHistory(size_t count, uint32_t seed) {
  std::mt19937 random(seed);
  const auto pick = [&](uint32_t n) { return random() % n; };
  ResolvedPlays plays;
  for (size_t i = 0; i < count; ++i) {
    PlayRecord p;
    p.ended_at_ms = 1'700'000'000'000 + int64_t(i) * 60'000;
    const uint32_t track = pick(40), artist = track % 7;
    const std::string artist_name = pick(5) == 0 ? "" : (pick(3) == 0 ? "the band " : "The Band ");
    p.artist_name = artist_name.empty() ? "" : artist_name + std::to_string(artist);
    p.track_name = "Song " + std::to_string(track);
    if (pick(4) != 0) p.album_name = "Album " + std::to_string(track % 11);
    switch (pick(10)) {
      case 0:  // name-only
        break;
      case 1:
        // A URI without an id stands for the track its first (newest) play names: keep the
        // names of a local file's plays alike, as one builder per play could not know them.
        p.resolved_uri = "spotify:local:band:album:song" + std::to_string(track) + ":200";
        p.artist_name = "The Band " + std::to_string(artist);
        break;
      default:
        p.resolved_uri = "spotify:track:T" + std::to_string(track);
    }
    p.track_uri = p.resolved_uri;
    if (!p.resolved_uri.empty() && pick(6) == 0) {  // an api play
      p.source = Source::kApi;
      p.artist_id = "A" + std::to_string(artist + 10 * pick(2));
      if (pick(2) == 0) p.album_id = "L" + std::to_string(track % 11);
      p.track_duration_ms = 180'000 + int64_t(track);
    }
    plays.music.push_back(p);
  }
  return plays;
}

void ExpectSameEntries(const Catalog& a, const Catalog& b) {
  ASSERT_EQ(a.tracks.size(), b.tracks.size());
  for (const auto& [id, t] : a.tracks) {
    const TrackEntry& u = b.tracks.at(id);
    EXPECT_EQ(std::tie(t.uri, t.name, t.artist_id, t.artist_name, t.album_id, t.album_name,
                       t.duration_ms, t.first_played_ms, t.last_played_ms),
              std::tie(u.uri, u.name, u.artist_id, u.artist_name, u.album_id, u.album_name,
                       u.duration_ms, u.first_played_ms, u.last_played_ms))
        << id;
  }
  ASSERT_EQ(a.artists.size(), b.artists.size());
  for (const auto& [id, x] : a.artists) {
    EXPECT_EQ(std::tie(x.name, x.name_only),
              std::tie(b.artists.at(id).name, b.artists.at(id).name_only))
        << id;
  }
  ASSERT_EQ(a.albums.size(), b.albums.size());
  for (const auto& [id, x] : a.albums) {
    const AlbumEntry& y = b.albums.at(id);
    EXPECT_EQ(std::tie(x.name, x.artist_id, x.artist_name, x.name_only),
              std::tie(y.name, y.artist_id, y.artist_name, y.name_only))
        << id;
  }
}

void ExpectSameIds(const std::vector<PlayIds>& a, const std::vector<PlayIds>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].track_id, b[i].track_id) << i;
    EXPECT_EQ(a[i].artist_id, b[i].artist_id) << i;
    EXPECT_EQ(a[i].album_id, b[i].album_id) << i;
  }
}

// ExtendCatalog with one play at a time starts each play afresh (nothing carried from the
// track's previous play), and the newest play's values replace older ones: the same catalog.
TEST(BuildCatalog, EndsWhereAddingThePlaysOneByOneEnds) {
  for (const uint32_t seed : {1u, 2u, 3u}) {
    const ResolvedPlays plays = VariedHistory(3000, seed);
    const Catalog whole = BuildCatalog(plays);
    const LearnedIds learned = LearnIds(plays.music);
    Catalog one_by_one;
    for (const PlayRecord& p : plays.music) ExtendCatalog(one_by_one, {p}, learned);
    ExpectSameEntries(whole, one_by_one);
    ExpectSameIds(whole.music_ids, one_by_one.music_ids);
    EXPECT_GT(whole.artists.size(), 7u);  // ids and names both make artists
    EXPECT_GT(whole.albums.size(), 11u);
  }
}

// The latest non-empty value of each field wins; plays repeating a track's credits fill nothing
// new, the first of them fills the artist and album.
TEST(BuildCatalog, FillsEachFieldFromTheLatestPlayThatHasIt) {
  ResolvedPlays plays;
  const auto play = [&](const char* uri, const char* artist, const char* album) {
    PlayRecord p;
    p.ended_at_ms = 1'700'000'000'000 + int64_t(plays.music.size()) * 60'000;
    p.resolved_uri = uri;
    p.track_name = "Song";
    p.artist_name = artist;
    p.album_name = album;
    plays.music.push_back(p);
  };
  play("spotify:track:T1", "Old Band", "First");
  play("spotify:track:T1", "The Band", "First");
  play("spotify:track:T1", "The Band", "First");
  play("spotify:track:T2", "The Band", "Second");
  play("spotify:track:T2", "", "");
  const Catalog catalog = BuildCatalog(plays);
  ASSERT_EQ(catalog.tracks.size(), 2u);
  const TrackEntry& t1 = catalog.tracks.at("T1");
  EXPECT_EQ(t1.artist_name, "The Band");
  EXPECT_EQ(t1.album_name, "First");
  EXPECT_EQ(t1.first_played_ms, plays.music[0].ended_at_ms);
  EXPECT_EQ(t1.last_played_ms, plays.music[2].ended_at_ms);
  const TrackEntry& t2 = catalog.tracks.at("T2");
  EXPECT_EQ(t2.artist_name, "The Band");  // the latest play named none
  EXPECT_EQ(t2.album_name, "Second");
  ASSERT_EQ(catalog.artists.size(), 2u);
  const ArtistEntry& band = catalog.artists.at(t1.artist_id);
  EXPECT_EQ(band.name, "The Band");
  EXPECT_TRUE(band.name_only);
  ASSERT_EQ(catalog.albums.size(), 3u);  // First by either band, and Second
  const AlbumEntry& first = catalog.albums.at(t1.album_id);
  EXPECT_EQ(first.name, "First");
  EXPECT_EQ(first.artist_id, t1.artist_id);
  EXPECT_EQ(first.artist_name, "The Band");
  EXPECT_EQ(catalog.albums.at(t2.album_id).name, "Second");
  EXPECT_EQ(catalog.music_ids[4].artist_id, "");  // no name, no id: no artist
  EXPECT_EQ(catalog.music_ids[3].artist_id, t1.artist_id);
}

TEST(BuildCatalog, AReaderWaitingOnTheProgressReadsTheIdsSet) {
  ResolvedPlays plays = VariedHistory(20000, 4);
  PlayRecord episode;
  episode.content = Content::kEpisode;
  episode.ended_at_ms = 1'700'000'000'000;
  episode.resolved_uri = "spotify:episode:E1";
  episode.show_name = "A Show";
  plays.podcast = {episode, episode};
  const Catalog expected = BuildCatalog(plays);

  Catalog catalog;
  CatalogProgress progress;
  std::vector<PlayIds> read(plays.music.size()), podcast_read;
  RunConcurrently(
      [&] {
        // Newest first, as the build sets them: most reads find their ids set already.
        for (size_t i = plays.music.size(); i-- > 0;) {
          progress.WaitForMusic(i);
          read[i] = catalog.music_ids[i];
        }
        progress.WaitForPodcasts();
        podcast_read = catalog.podcast_ids;
      },
      [&] { BuildCatalogInto(plays, catalog, progress); });
  ExpectSameIds(read, expected.music_ids);
  ExpectSameIds(podcast_read, expected.podcast_ids);
  ExpectSameEntries(catalog, expected);
  EXPECT_EQ(catalog.episodes.size(), 1u);
}

TEST(CatalogProgress, ReadersGoOnOnceTheirIdsAreSet) {
  CatalogProgress progress;
  progress.PodcastsSet();
  progress.WaitForPodcasts();
  progress.MusicSetFrom(10);
  progress.WaitForMusic(10);
  progress.WaitForMusic(99);
  progress.AllSet();
  progress.WaitForMusic(0);
}

// A reader waiting when the build fails stops with an error instead of waiting for ever.
TEST(CatalogProgress, AFailedBuildStopsItsReaders) {
  CatalogProgress progress;
  progress.MusicSetFrom(10);
  bool stopped = false;
  RunConcurrently(
      [&] {
        try {
          progress.WaitForMusic(3);
        } catch (const Error& e) {
          stopped = e.code() == ErrorCode::kInternal;
        }
      },
      [&] { progress.Failed(); });
  EXPECT_TRUE(stopped);
  EXPECT_THROW(progress.WaitForPodcasts(), Error);
}

}  // namespace
}  // namespace uw::silver
