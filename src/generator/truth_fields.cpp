#include "generator/truth_fields.h"

namespace uw::generator {

std::string_view TruthFields::TrackId(const TruthPlay& row) const {
  const Play& p = PlayOf(row);
  if (p.kind != ContentKind::kTrack || !(row.sources & (kFromExtended | kFromApi))) return {};
  return catalog_.tracks[p.item].id;
}

std::string_view TruthFields::ArtistName(const TruthPlay& row) const {
  const Play& p = PlayOf(row);
  switch (p.kind) {
    case ContentKind::kTrack:
      return catalog_.artists[catalog_.tracks[p.item].artist].name;
    case ContentKind::kLocalTrack:
      return catalog_.local_tracks[p.item].artist;
    default:
      return "Unknown Artist";
  }
}

std::string_view TruthFields::TrackName(const TruthPlay& row) const {
  const Play& p = PlayOf(row);
  switch (p.kind) {
    case ContentKind::kTrack:
      return catalog_.tracks[p.item].name;
    case ContentKind::kLocalTrack:
      return catalog_.local_tracks[p.item].name;
    default:
      return "Unknown Track";
  }
}

std::string_view TruthFields::AlbumName(const TruthPlay& row) const {
  const Play& p = PlayOf(row);
  if (!(row.sources & (kFromExtended | kFromApi))) return {};
  if (p.kind == ContentKind::kTrack) return catalog_.albums[catalog_.tracks[p.item].album].name;
  if (p.kind == ContentKind::kLocalTrack) return catalog_.local_tracks[p.item].album;
  return {};
}

std::string_view TruthFields::ArtistJson(const TruthPlay& row) const {
  const Play& p = PlayOf(row);
  switch (p.kind) {
    case ContentKind::kTrack:
      return catalog_.artists[catalog_.tracks[p.item].artist].name_json;
    case ContentKind::kLocalTrack:
      return catalog_.local_tracks[p.item].artist_json;
    default:
      return "\"Unknown Artist\"";
  }
}

std::string_view TruthFields::TrackJson(const TruthPlay& row) const {
  const Play& p = PlayOf(row);
  switch (p.kind) {
    case ContentKind::kTrack:
      return catalog_.tracks[p.item].name_json;
    case ContentKind::kLocalTrack:
      return catalog_.local_tracks[p.item].name_json;
    default:
      return "\"Unknown Track\"";
  }
}

std::string_view TruthFields::AlbumJson(const TruthPlay& row) const {
  const Play& p = PlayOf(row);
  if (!(row.sources & (kFromExtended | kFromApi))) return "null";
  if (p.kind == ContentKind::kTrack)
    return catalog_.albums[catalog_.tracks[p.item].album].name_json;
  if (p.kind == ContentKind::kLocalTrack) return catalog_.local_tracks[p.item].album_json;
  return "null";
}

std::string TruthFields::PodcastUri(const TruthPlay& row) const {
  const Play& p = PlayOf(row);
  if (!(row.sources & kFromExtended)) return {};
  return "spotify:episode:" + (p.kind == ContentKind::kEpisode ? catalog_.EpisodeId(p.item)
                                                               : catalog_.ChapterId(p.item));
}

std::string_view TruthFields::OwnerName(const TruthPlay& row) const {
  const Play& p = PlayOf(row);
  const uint32_t owner = Catalog::ItemOwner(p.item);
  return p.kind == ContentKind::kEpisode ? catalog_.shows[owner].name
                                         : catalog_.audiobooks[owner].title;
}

std::string TruthFields::ItemName(const TruthPlay& row) const {
  const Play& p = PlayOf(row);
  return p.kind == ContentKind::kEpisode ? catalog_.EpisodeName(p.item)
                                         : catalog_.ChapterTitle(p.item);
}

}  // namespace uw::generator
