// The listener's choice of tracks for a session (part of Listener, see listener.h): an album
// from a track to its end, an artist's favourites, a playlist, one song on repeat, or shuffle by
// taste; autoplay fills the rest.
#include <algorithm>

#include "generator/listener.h"

namespace uw::generator {

std::vector<uint32_t> Listener::ChooseTracks(Session& session, int count, int64_t t_s) {
  TrackDraw draw{*this, catalog_.ArtistCumulative(t_s), t_s, {}};
  draw.out.reserve(static_cast<size_t>(count));
  const auto artist = static_cast<uint32_t>(rng_.PickCumulative(draw.taste));
  switch (session.mode) {
    case SessionMode::kAlbum: {
      const uint32_t album = PickReleasedAlbum(artist, t_s);
      const std::vector<uint32_t> tracks = AlbumTracks(artist, album);
      // From the top or a random track to the end of the album, then autoplay takes over.
      for (size_t k = rng_.Chance(0.6) ? 0 : rng_.Below(tracks.size());
           k < tracks.size() && draw.out.size() < size_t(count); ++k) {
        draw.out.push_back(tracks[k]);
      }
      session.context = ContextKind::kAlbum;
      session.context_id = album;
      break;
    }
    case SessionMode::kArtist:
      for (int k = 0; k < count; ++k)
        draw.Add([&] { return catalog_.PickTrack(rng_, artist, t_s); });
      session.context = ContextKind::kArtist;
      session.context_id = artist;
      break;
    case SessionMode::kPlaylist:
      PlaylistTracks(session, count, draw);
      break;
    case SessionMode::kRepeat:
      RepeatTracks(session, artist, count, draw);
      break;
    default:
      session.context = rng_.Chance(0.5) ? ContextKind::kCollection : ContextKind::kNone;
      break;
  }
  while (draw.out.size() < static_cast<size_t>(count)) draw.Add([&] { return draw.ByTaste(); });
  return std::move(draw.out);
}

void Listener::PlaylistTracks(Session& session, int count, TrackDraw& draw) {
  const auto p = static_cast<uint32_t>(rng_.Below(catalog_.playlists.size()));
  const auto& tracks = catalog_.playlists[p].tracks;
  const size_t first = rng_.Below(tracks.size());
  const bool shuffled = rng_.Chance(0.6);
  for (int k = 0; k < count; ++k)
    draw.Add([&] { return shuffled ? rng_.Pick(tracks) : tracks[(first + k) % tracks.size()]; });
  session.context = ContextKind::kPlaylist;
  session.context_id = p;
}

// One song on repeat; often a short one, so that two complete plays end in one minute.
void Listener::RepeatTracks(Session& session, uint32_t artist, int count, TrackDraw& draw) {
  const auto& shorts = catalog_.artists[artist].short_tracks;
  uint32_t fav = catalog_.PickTrack(rng_, artist, draw.t_s);
  if (!shorts.empty() && rng_.Chance(0.5))
    fav = rng_.Pick(shorts);
  else if (!catalog_.short_tracks.empty() && rng_.Chance(0.25))
    fav = rng_.Pick(catalog_.short_tracks);
  for (int k = 0; k < count; ++k) draw.out.push_back(rng_.Chance(0.75) ? fav : draw.ByTaste());
  session.context = rng_.Chance(0.5) ? ContextKind::kAlbum : ContextKind::kNone;
  session.context_id = catalog_.tracks[fav].album;
}

uint32_t Listener::TrackDraw::ByTaste() {
  return self.catalog_.PickTrack(self.rng_, static_cast<uint32_t>(self.rng_.PickCumulative(taste)),
                                 t_s);
}

uint32_t Listener::PickReleasedAlbum(uint32_t artist, int64_t t_s) {
  std::vector<uint32_t> released;
  for (const uint32_t al : catalog_.artists[artist].albums) {
    if (catalog_.albums[al].release_s <= t_s) released.push_back(al);
  }
  return released.empty() ? catalog_.artists[artist].albums[0] : rng_.Pick(released);
}

std::vector<uint32_t> Listener::AlbumTracks(uint32_t artist, uint32_t album) const {
  std::vector<uint32_t> tracks;
  for (const uint32_t t : catalog_.artists[artist].tracks) {
    if (catalog_.tracks[t].album == album) tracks.push_back(t);
  }
  std::sort(tracks.begin(), tracks.end(), [&](uint32_t a, uint32_t b) {
    return catalog_.tracks[a].track_number < catalog_.tracks[b].track_number;
  });
  return tracks;
}

}  // namespace uw::generator
