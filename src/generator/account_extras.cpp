#include "generator/account_extras.h"

#include <algorithm>
#include <numeric>

#include "core/civil_time.h"
#include "generator/file_sink.h"
#include "core/json.h"
#include "generator/pdf_stub.h"
#include "generator/scenario.h"

namespace uw::generator {

using core::Json;
using core::JsonLayout;
namespace {

void Save(const std::filesystem::path& dir, const std::string& name, const Json& doc,
          int64_t records, AccountStats& stats) {
  const std::string text = doc.Dump(JsonLayout::kIndented, 2, " : ");
  WriteWholeFile(dir / name, text);
  stats.files.push_back({name, records, text.size()});
}

// Indices of `counts` with the highest counts (ties by index), at most `n`.
std::vector<uint32_t> Top(const std::vector<uint32_t>& counts, size_t n) {
  std::vector<uint32_t> order(counts.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return counts[a] > counts[b]; });
  order.resize(std::min(n, order.size()));
  return order;
}

// How often the listener played each track, album, artist and show: the library holds favourites.
struct PlayCounts {
  std::vector<uint32_t> tracks, albums, artists, shows;
};

PlayCounts CountPlays(const Catalog& catalog, const Timeline& timeline) {
  PlayCounts c{
      std::vector<uint32_t>(catalog.tracks.size()), std::vector<uint32_t>(catalog.albums.size()),
      std::vector<uint32_t>(catalog.artists.size()), std::vector<uint32_t>(catalog.shows.size())};
  for (const Play& p : timeline.plays) {
    if (p.kind == ContentKind::kTrack) {
      ++c.tracks[p.item];
      ++c.albums[catalog.tracks[p.item].album];
      ++c.artists[catalog.tracks[p.item].artist];
    } else if (p.kind == ContentKind::kEpisode) {
      ++c.shows[Catalog::ItemOwner(p.item)];
    }
  }
  return c;
}

Json SavedMusic(const Catalog& catalog, const PlayCounts& counts, Json& albums, Json& artists) {
  Json tracks = Json::Array();
  for (const uint32_t t : Top(counts.tracks, 120)) {
    const Track& tr = catalog.tracks[t];
    tracks.Push(Json::Object()
                    .Set("artist", catalog.artists[tr.artist].name)
                    .Set("album", catalog.albums[tr.album].name)
                    .Set("track", tr.name)
                    .Set("uri", "spotify:track:" + tr.id));
  }
  for (const uint32_t a : Top(counts.albums, 25)) {
    const Album& al = catalog.albums[a];
    albums.Push(Json::Object()
                    .Set("artist", catalog.artists[al.artist].name)
                    .Set("album", al.name)
                    .Set("uri", "spotify:album:" + al.id));
  }
  for (const uint32_t a : Top(counts.artists, 30)) {
    artists.Push(Json::Object()
                     .Set("name", catalog.artists[a].name)
                     .Set("uri", "spotify:artist:" + catalog.artists[a].id));
  }
  return tracks;
}

Json SavedShows(const Catalog& catalog, const PlayCounts& counts, Json& episodes) {
  Json shows = Json::Array();
  for (const uint32_t s : Top(counts.shows, 6)) {
    const Show& show = catalog.shows[s];
    shows.Push(Json::Object()
                   .Set("name", show.name)
                   .Set("publisher", show.publisher)
                   .Set("uri", "spotify:show:" + show.id));
    const uint32_t latest = catalog.LatestEpisode(s, scenario::kAccountEnd);
    if (latest == 0 || episodes.size() >= 4) continue;
    const uint32_t item = Catalog::PackItem(s, latest);
    episodes.Push(Json::Object()
                      .Set("name", catalog.EpisodeName(item))
                      .Set("show", show.name)
                      .Set("uri", "spotify:episode:" + catalog.EpisodeId(item)));
  }
  return shows;
}

Json Library(const Catalog& catalog, const Timeline& timeline) {
  const PlayCounts counts = CountPlays(catalog, timeline);
  Json albums = Json::Array(), artists = Json::Array(), episodes = Json::Array();
  Json tracks = SavedMusic(catalog, counts, albums, artists);
  Json shows = SavedShows(catalog, counts, episodes);
  return Json::Object()
      .Set("tracks", std::move(tracks))
      .Set("albums", std::move(albums))
      .Set("shows", std::move(shows))
      .Set("episodes", std::move(episodes))
      .Set("bannedTracks", Json::Array())
      .Set("artists", std::move(artists))
      .Set("bannedArtists", Json::Array())
      .Set("other", Json::Array());
}

Json PlaylistItem(Json track, Json episode, Json local, const std::string& added) {
  return Json::Object()
      .Set("track", std::move(track))
      .Set("episode", std::move(episode))
      .Set("audiobook", nullptr)
      .Set("localTrack", std::move(local))
      .Set("addedDate", added);
}

Json Playlists(const Catalog& catalog, Rng& rng) {
  Json lists = Json::Array();
  for (size_t i = 0; i < catalog.playlists.size(); ++i) {
    const PlaylistInfo& pl = catalog.playlists[i];
    const int64_t day = pl.modified_s / scenario::kDay;
    Json items = Json::Array();
    for (const uint32_t t : pl.tracks) {
      const Track& tr = catalog.tracks[t];
      const std::string added = core::FormatDate(day - static_cast<int64_t>(rng.Below(400)));
      items.Push(PlaylistItem(Json::Object()
                                  .Set("trackName", tr.name)
                                  .Set("artistName", catalog.artists[tr.artist].name)
                                  .Set("albumName", catalog.albums[tr.album].name)
                                  .Set("trackUri", "spotify:track:" + tr.id),
                              nullptr, nullptr, added));
    }
    if (i == 0) {
      const LocalTrack& l = catalog.local_tracks[0];
      items.Push(PlaylistItem(
          nullptr, nullptr,
          Json::Object().Set("uri", "spotify:local:Garage+Tapes:Proberaum+2009:Track+01:" +
                                        std::to_string(l.duration_ms / 1000)),
          core::FormatDate(day)));
    }
    lists.Push(Json::Object()
                   .Set("name", pl.name)
                   .Set("lastModifiedDate", core::FormatDate(day))
                   .Set("collaborators", Json::Array())
                   .Set("items", std::move(items))
                   .Set("description", nullptr)
                   .Set("numberOfFollowers", static_cast<int64_t>(rng.Below(3))));
  }
  return Json::Object().Set("playlists", std::move(lists));
}

// Every keystroke is its own row; prefixes are cut at UTF-8 character boundaries.
Json Searches(const Catalog& catalog, Rng& rng, int64_t& rows) {
  static const char* const kPlatforms[] = {"ANDROID", "ANDROID", "WIN32_X86", ""};
  Json out = Json::Array();
  for (int k = 0; k < 30; ++k) {
    const Artist& a = catalog.artists[rng.Below(std::min<size_t>(catalog.artists.size(), 200))];
    int64_t t_ms = scenario::kAccountStart * 1000 +
                   static_cast<int64_t>(rng.Below(365 * scenario::kDay * 1000));
    const std::string platform = rng.Pick(kPlatforms);
    size_t typed = 0;
    for (size_t i = 1; i <= a.name.size() && typed < 12; ++i) {
      if (i < a.name.size() && (static_cast<unsigned char>(a.name[i]) & 0xc0) == 0x80) continue;
      ++typed;
      const bool last = i == a.name.size() || typed == 12;
      Json uris = Json::Array();
      if (last) uris.Push("spotify:artist:" + a.id);
      out.Push(Json::Object()
                   .Set("platform", platform)
                   .Set("searchTime", core::FormatIsoMillis(t_ms) + "[UTC]")
                   .Set("searchQuery", a.name.substr(0, i))
                   .Set("searchInteractionURIs", std::move(uris)));
      t_ms += rng.Between(120, 900);
      ++rows;
    }
  }
  return out;
}

Json Userdata(const std::string& username) {
  return Json::Object()
      .Set("username", username)
      .Set("email", "listener@example.com")
      .Set("country", "DE")
      .Set("createdFromFacebook", false)
      .Set("facebookUid", nullptr)
      .Set("birthdate", "1990-01-01")
      .Set("gender", "neutral")
      .Set("postalCode", nullptr)
      .Set("mobileNumber", nullptr)
      .Set("mobileOperator", nullptr)
      .Set("mobileBrand", nullptr)
      .Set("creationTime", "2015-05-30");
}

}  // namespace

void WriteAccountExtras(const Catalog& catalog, const Timeline& timeline,
                        const std::string& username, Rng rng, const std::filesystem::path& dir,
                        AccountStats& stats) {
  const Json library = Library(catalog, timeline);
  Save(dir, "YourLibrary.json", library, 0, stats);
  const Json playlists = Playlists(catalog, rng);
  Save(dir, "Playlist1.json", playlists, static_cast<int64_t>(catalog.playlists.size()), stats);
  int64_t searches = 0;
  const Json queries = Searches(catalog, rng, searches);
  Save(dir, "SearchQueries.json", queries, searches, stats);
  Save(dir, "Userdata.json", Userdata(username), 1, stats);
  const std::string pdf = FakePdf("Read me first: your Spotify account data (synthetic example).");
  WriteWholeFile(dir / "Read_Me_First.pdf", pdf);
  stats.files.push_back({"Read_Me_First.pdf", 0, pdf.size()});
}

}  // namespace uw::generator
