#include "generator/catalog.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

#include "core/civil_time.h"
#include "core/text.h"
#include "generator/names.h"
#include "generator/scenario.h"

namespace uw::generator {
namespace {

constexpr char kBase62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr int64_t kMonth = 30 * scenario::kDay;

// Names that a pipeline's normalisation (case folding, whitespace) would merge must not belong
// to different things, or name-only matching would be ambiguous by construction.
std::string NormalKey(const std::string& name) {
  std::string key;
  bool space = false;
  for (const char c : name) {
    if (c == ' ' || c == '\t') {
      space = !key.empty();
      continue;
    }
    if (space) key.push_back(' ');
    space = false;
    key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return key;
}

std::string UniqueName(Rng& rng, std::set<std::string>& taken, std::string name) {
  while (!taken.insert(NormalKey(name)).second) name = names::Disambiguate(rng, name);
  return name;
}

int64_t MonthCount() { return (scenario::kEnd - scenario::kStart) / kMonth + 2; }

void BuildArtists(Rng& rng, Catalog& c, size_t count) {
  std::set<std::string> taken;
  std::vector<uint32_t> ranks(count);
  std::iota(ranks.begin(), ranks.end(), 1);
  rng.Shuffle(ranks.begin(), ranks.end());
  const double months = static_cast<double>(MonthCount());
  c.artists.resize(count);
  for (size_t i = 0; i < count; ++i) {
    Artist& a = c.artists[i];
    a.name = UniqueName(rng, taken, names::Artist(rng));
    a.name_json = core::JsonString(a.name);
    a.id = Base62Id(rng);
    a.base_weight = 1.0 / std::pow(ranks[i] + 12.0, 0.95);
    a.taste_center_month = rng.Uniform(-24, months + 12);
    // Most artists are a phase of some months; a few stay favourites for years.
    a.taste_width_months = rng.Chance(0.12) ? rng.Uniform(60, 200) : rng.Uniform(4, 40);
  }
}

std::string ReleaseDate(Rng& rng, int64_t release_s, std::string& precision) {
  const core::CivilDate d = core::CivilFromDays(core::FloorDiv(release_s, scenario::kDay));
  const double x = rng.Uniform();
  if (x < 0.88) {
    precision = "day";
    return fmt::format("{:04d}-{:02d}-{:02d}", d.year, d.month, d.day);
  }
  if (x < 0.93) {
    precision = "month";
    return fmt::format("{:04d}-{:02d}", d.year, d.month);
  }
  precision = "year";
  return fmt::format("{:04d}", d.year);
}

// The first album predates the decade so every artist has something to play from day one; later
// ones are released during it, and the listener only plays what is out.
int64_t AlbumRelease(Rng& rng, size_t album_index) {
  if (album_index == 0)
    return scenario::At(1972, 1, 1) + rng.Below(scenario::kStart - scenario::At(1972, 1, 1));
  return scenario::At(1990, 1, 1) +
         rng.Below(scenario::kEnd - 60 * scenario::kDay - scenario::At(1990, 1, 1));
}

void AddTrack(Rng& rng, Catalog& c, uint32_t artist, uint32_t album, std::set<std::string>& taken,
              uint16_t number, bool single) {
  Track t;
  t.artist = artist;
  t.album = album;
  t.track_number = number;
  t.is_short = !single && rng.Chance(0.05);
  if (t.is_short) {
    t.name = UniqueName(rng, taken, names::ShortTrack(rng));
    t.duration_ms = static_cast<int32_t>(rng.Between(30000, 75000));
  } else {
    std::string featured;
    if (artist > 0 && rng.Chance(0.08)) {
      t.featured = static_cast<int32_t>(rng.Below(artist));
      featured = c.artists[t.featured].name;
    }
    std::string name =
        single && rng.Chance(0.7) ? c.albums[album].name : names::Track(rng, featured);
    if (rng.Chance(0.05)) name += names::VersionSuffix(rng);
    t.name = UniqueName(rng, taken, name);
    const double d = rng.LogNormal(std::log(212000.0), 0.3);
    t.duration_ms = static_cast<int32_t>(std::clamp(d, 61000.0, 900000.0));
  }
  t.name_json = core::JsonString(t.name);
  t.id = Base62Id(rng);
  t.isrc = fmt::format("QZ{}{:02d}{:05d}", "ABCDEFGHJK"[rng.Below(10)], rng.Below(100),
                       rng.Below(100000));
  // Spotify's 0-100 popularity, loosely following how much this listener likes the artist.
  const double popularity = 25 + 700 * c.artists[artist].base_weight + static_cast<double>(rng.Below(25));
  t.popularity = static_cast<uint8_t>(std::min(100.0, popularity));
  t.is_explicit = rng.Chance(0.12);
  t.has_video = rng.Chance(0.04);
  c.tracks.push_back(std::move(t));
}

void BuildAlbum(Rng& rng, Catalog& c, uint32_t artist, size_t album_index,
                std::set<std::string>& taken) {
  Album al;
  al.artist = artist;
  const bool single = rng.Chance(0.3);
  al.type = single ? "single" : (rng.Chance(0.05) ? "compilation" : "album");
  al.name = names::Album(rng);
  al.name_json = core::JsonString(al.name);
  al.id = Base62Id(rng);
  al.release_s = AlbumRelease(rng, album_index);
  al.release_date = ReleaseDate(rng, al.release_s, al.release_precision);
  const auto album = static_cast<uint32_t>(c.albums.size());
  c.albums.push_back(std::move(al));
  const int count = single ? 1 : static_cast<int>(rng.Between(6, 16));
  for (int k = 0; k < count; ++k)
    AddTrack(rng, c, artist, album, taken, static_cast<uint16_t>(k + 1), single);
  c.albums[album].total_tracks = static_cast<uint16_t>(count);
  c.artists[artist].albums.push_back(album);
}

// The same recording on a second album under a new URI (single, then album; a remaster): name-only
// rows for it resolve by DESIGN §8.3.
void AddReRelease(Rng& rng, Catalog& c, uint32_t artist, uint32_t first_track) {
  const auto& albums = c.artists[artist].albums;
  const uint32_t source =
      first_track + static_cast<uint32_t>(rng.Below(c.tracks.size() - first_track));
  const uint32_t target = albums[rng.Below(albums.size())];
  if (c.tracks[source].album == target || c.tracks[source].is_short) return;
  Track t = c.tracks[source];
  t.album = target;
  t.id = Base62Id(rng);
  t.duration_ms += static_cast<int32_t>(rng.Between(-3000, 3000));
  t.track_number = ++c.albums[target].total_tracks;
  t.has_video = false;
  c.tracks.push_back(std::move(t));
}

void FinishArtistTracks(Rng& rng, Catalog& c, uint32_t artist, uint32_t first_track) {
  Artist& a = c.artists[artist];
  for (uint32_t t = first_track; t < c.tracks.size(); ++t) a.tracks.push_back(t);
  std::stable_sort(a.tracks.begin(), a.tracks.end(), [&](uint32_t x, uint32_t y) {
    return c.albums[c.tracks[x].album].release_s < c.albums[c.tracks[y].album].release_s;
  });
  std::vector<double> preference(a.tracks.size());
  std::vector<uint32_t> ranks(a.tracks.size());
  std::iota(ranks.begin(), ranks.end(), 1);
  rng.Shuffle(ranks.begin(), ranks.end());
  for (size_t i = 0; i < a.tracks.size(); ++i) {
    preference[i] = 1.0 / std::pow(ranks[i], 0.6);
    a.track_release_s.push_back(c.albums[c.tracks[a.tracks[i]].album].release_s);
    if (c.tracks[a.tracks[i]].is_short) a.short_tracks.push_back(a.tracks[i]);
  }
  a.track_cumulative = Cumulative(preference);
}

void BuildDiscography(Rng& rng, Catalog& c) {
  const size_t big_rank = c.artists.size() / 10;
  for (uint32_t a = 0; a < c.artists.size(); ++a) {
    std::set<std::string> taken;
    const auto first_track = static_cast<uint32_t>(c.tracks.size());
    const bool big = c.artists[a].base_weight >= 1.0 / std::pow(big_rank + 12.0, 0.95);
    const size_t albums =
        1 + std::min<size_t>(9, static_cast<size_t>(rng.Exponential(big ? 3.0 : 0.8)));
    for (size_t k = 0; k < albums; ++k) BuildAlbum(rng, c, a, k, taken);
    if (albums > 1 && rng.Chance(0.3)) AddReRelease(rng, c, a, first_track);
    FinishArtistTracks(rng, c, a, first_track);
  }
  for (uint32_t t = 0; t < c.tracks.size(); ++t) {
    if (c.tracks[t].is_short) c.short_tracks.push_back(t);
  }
}

void BuildShows(Rng& rng, Catalog& c) {
  struct Seed {
    const char* name;
    const char* publisher;
    bool german, video;
  };
  static const Seed kShows[] = {{"Lage der Nation", "Philip Banse & Ulf Buermeyer", true, false},
                                {"The Daily", "The New York Times", false, false},
                                {"Fest & Flauschig", "Spotify Studios", true, false},
                                {"Zeit Verbrechen", "ZEIT ONLINE", true, false},
                                {"Acquired", "Ben Gilbert and David Rosenthal", false, true},
                                {"99% Invisible", "Roman Mars", false, false},
                                {"Radiolab", "WNYC Studios", false, false},
                                {"Darknet Diaries", "Jack Rhysider", false, false},
                                {"Hard Fork", "The New York Times", false, true},
                                {"Café Crème – le podcast", "Radio Crème", false, false},
                                {"Apokalypse & Filterkaffee", "Micky Beisenherz", true, false},
                                {"Song Exploder", "Hrishikesh Hirway", false, false},
                                {"Planet Money", "NPR", false, false},
                                {"Gemischtes Hack", "Spotify Studios", true, true},
                                {"Hidden Brain", "Hidden Brain Media", false, false},
                                {"Podcast \"Ohne Titel\"", "Unabhängig", true, false},
                                {"ラジオ東京", "TBS Radio", false, false},
                                {"Serial", "Serial Productions", false, false},
                                {"Kurt Krömer: Feelings", "rbb", true, false},
                                {"Reply All", "Gimlet", false, false}};
  for (const Seed& s : kShows) {
    Show show;
    show.name = s.name;
    show.name_json = core::JsonString(show.name);
    show.publisher = s.publisher;
    show.id = Base62Id(rng);
    show.german = s.german;
    show.video = s.video;
    show.first_episode_s =
        scenario::At(2008, 1, 1) +
        rng.Below(scenario::kEnd - 400 * scenario::kDay - scenario::At(2008, 1, 1));
    show.episodes_per_week = rng.Uniform(0.5, 5.0);
    c.shows.push_back(std::move(show));
  }
  std::vector<double> weights;
  for (size_t k = 1; k <= c.shows.size(); ++k) weights.push_back(1.0 / std::pow(k, 0.9));
  c.show_cumulative = Cumulative(weights);
}

void BuildBooksAndLocalFiles(Rng& rng, Catalog& c) {
  struct Book {
    const char* title;
    const char* author;
    bool german;
  };
  static const Book kBooks[] = {{"Der Process", "Franz Kafka", true},
                                {"Project Hail Mary", "Andy Weir", false},
                                {"Die Vermessung der Welt", "Daniel Kehlmann", true},
                                {"Norwegian Wood – ノルウェイの森", "Haruki Murakami", false}};
  for (const Book& b : kBooks) {
    c.audiobooks.push_back({b.title, Base62Id(rng), b.author, core::JsonString(b.title),
                            static_cast<int>(rng.Between(18, 60)), b.german});
  }
  static const char* const kLocal[][3] = {{"Garage Tapes", "Proberaum 2009", "Track 01"},
                                          {"Garage Tapes", "Proberaum 2009", "Track 02"},
                                          {"Garage Tapes", "Proberaum 2009", "Jam (ungeschnitten)"},
                                          {"Opa Heinz", "Hochzeit 1968", "Walzer"},
                                          {"DJ Mixtape", "mix_2012_final_FINAL", "side A"},
                                          {"DJ Mixtape", "mix_2012_final_FINAL", "side B"},
                                          {"Chor St. Marien", "Weihnachtskonzert", "Stille Nacht"},
                                          {"Unbekannt", "Audio", "Aufnahme 003"}};
  for (const auto& l : kLocal) {
    c.local_tracks.push_back({l[0], l[1], l[2], core::JsonString(l[0]), core::JsonString(l[1]),
                              core::JsonString(l[2]),
                              static_cast<int32_t>(rng.Between(90000, 420000))});
  }
}

void BuildPlaylists(Rng& rng, Catalog& c) {
  std::set<std::string> taken;
  for (int p = 0; p < 8; ++p) {
    PlaylistInfo pl;
    pl.name = UniqueName(rng, taken, names::Playlist(rng));
    pl.id = Base62Id(rng);
    pl.modified_s =
        scenario::kStart + static_cast<int64_t>(rng.Below(scenario::kEnd - scenario::kStart));
    const auto& all = c.ArtistCumulative(pl.modified_s);
    const int size = static_cast<int>(rng.Between(12, 60));
    for (int k = 0; k < size; ++k) {
      const auto artist = static_cast<uint32_t>(rng.PickCumulative(all));
      pl.tracks.push_back(c.PickTrack(rng, artist, pl.modified_s));
    }
    c.playlists.push_back(std::move(pl));
  }
}

}  // namespace

std::string Base62Id(Rng& rng) {
  std::string id(22, '0');
  for (auto& ch : id) ch = kBase62[rng.Below(62)];
  return id;
}

std::string Base62Id(uint64_t hash) {
  Rng rng(hash);
  return Base62Id(rng);
}

Catalog Catalog::Build(Rng rng, int64_t events) {
  Catalog c;
  const auto artists =
      static_cast<size_t>(std::max(300.0, 6.0 * std::sqrt(static_cast<double>(events))));
  BuildArtists(rng, c, artists);
  BuildDiscography(rng, c);
  for (int64_t m = 0; m < MonthCount(); ++m) {
    std::vector<double> weights(c.artists.size());
    for (size_t a = 0; a < c.artists.size(); ++a) {
      const Artist& ar = c.artists[a];
      const double z = (static_cast<double>(m) - ar.taste_center_month) / ar.taste_width_months;
      weights[a] = ar.base_weight * (0.05 + std::exp(-0.5 * z * z));
    }
    c.month_cumulative_.push_back(Cumulative(weights));
  }
  BuildShows(rng, c);
  BuildBooksAndLocalFiles(rng, c);
  BuildPlaylists(rng, c);
  return c;
}

const std::vector<double>& Catalog::ArtistCumulative(int64_t epoch_s) const {
  const int64_t m = std::clamp<int64_t>((epoch_s - scenario::kStart) / kMonth, 0,
                                        static_cast<int64_t>(month_cumulative_.size()) - 1);
  return month_cumulative_[m];
}

uint32_t Catalog::PickTrack(Rng& rng, uint32_t artist, int64_t epoch_s) const {
  const Artist& a = artists[artist];
  const auto released =
      std::upper_bound(a.track_release_s.begin(), a.track_release_s.end(), epoch_s) -
      a.track_release_s.begin();
  const size_t n = std::max<size_t>(1, released);  // the first album always predates kStart
  const double x = rng.Uniform() * a.track_cumulative[n - 1];
  const auto it = std::upper_bound(a.track_cumulative.begin(), a.track_cumulative.begin() + n, x);
  return a.tracks[std::min<size_t>(it - a.track_cumulative.begin(), n - 1)];
}

uint32_t Catalog::LatestEpisode(uint32_t show, int64_t epoch_s) const {
  const Show& s = shows[show];
  if (epoch_s < s.first_episode_s) return 0;
  const double interval = 7.0 * scenario::kDay / s.episodes_per_week;
  return 1 + static_cast<uint32_t>(static_cast<double>(epoch_s - s.first_episode_s) / interval);
}

std::string Catalog::EpisodeName(uint32_t item) const {
  Rng rng(Mix64(0xe9150de ^ item));
  return names::Episode(rng, static_cast<int>(ItemNumber(item)), shows[ItemOwner(item)].german);
}

std::string Catalog::EpisodeId(uint32_t item) const {
  return Base62Id(Mix64(0x1d5 ^ (uint64_t{item} << 8)));
}

int32_t Catalog::EpisodeDurationMs(uint32_t item) const {
  return 600000 + static_cast<int32_t>(Mix64(0xd0 ^ item) % 5400000);
}

std::string Catalog::ChapterTitle(uint32_t item) const {
  return names::Chapter(static_cast<int>(ItemNumber(item)), audiobooks[ItemOwner(item)].german);
}

std::string Catalog::ChapterId(uint32_t item) const {
  return Base62Id(Mix64(0xc4a9 ^ (uint64_t{item} << 8)));
}

int32_t Catalog::ChapterDurationMs(uint32_t item) const {
  return 300000 + static_cast<int32_t>(Mix64(0xc0 ^ item) % 2100000);
}

}  // namespace uw::generator
