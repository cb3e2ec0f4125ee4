// Field values of truth rows, shared by sorting and writing: names, URIs and albums of a play as
// the sources holding it show them. Thread safe (const).
#pragma once

#include <string>
#include <string_view>

#include "generator/catalog.h"
#include "generator/play.h"
#include "generator/truth.h"

namespace uw::generator {

class TruthFields {
 public:
  TruthFields(const Catalog& catalog, const Timeline& timeline)
      : catalog_(catalog), timeline_(timeline) {}

  const Play& PlayOf(const TruthPlay& row) const { return timeline_.plays[row.play]; }

  // Music: the track id when a source holding the play carries the URI (extended, api), else "".
  std::string_view TrackId(const TruthPlay& row) const;
  std::string_view ArtistName(const TruthPlay& row) const;
  std::string_view TrackName(const TruthPlay& row) const;
  // "" when no source holding the play names the album (account rows have none).
  std::string_view AlbumName(const TruthPlay& row) const;
  // The same three as JSON literals ("null" for a missing album).
  std::string_view ArtistJson(const TruthPlay& row) const;
  std::string_view TrackJson(const TruthPlay& row) const;
  std::string_view AlbumJson(const TruthPlay& row) const;

  // Podcasts: the episode or chapter URI when extended holds it, else "".
  std::string PodcastUri(const TruthPlay& row) const;
  // Show name or audiobook title; episode name or chapter title.
  std::string_view OwnerName(const TruthPlay& row) const;
  std::string ItemName(const TruthPlay& row) const;

  // The JSON literal of an optional ms_played: null when only the API holds the play.
  bool HasMsPlayed(const TruthPlay& row) const {
    return (row.sources & (kFromAccount | kFromExtended)) != 0;
  }

 private:
  const Catalog& catalog_;
  const Timeline& timeline_;
};

}  // namespace uw::generator
