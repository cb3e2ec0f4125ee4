// The published music dimensions (tracks, track_artists, artists, albums) read back for
// an incremental build that patches them instead of rebuilding them: its new plays extend a
// catalog of only the entries they touch (filled from these rows, catalog.h CatalogLookup), and
// each table is then the published one with those entries' rows replaced (tables/patch_rows.h).
// At a million plays that is a merge of 46k rows instead of maps of every track, artist and
// album rebuilt, re-encoded and compared, and a table whose rows did not change is not written.
//
// Exact only without Spotify catalogue responses in bronze: the rows then hold nothing but what
// plays taught, which the entries carry (the incremental build rebuilds the dimensions when
// responses exist). For the same reason a track's track_artists rows are its one primary artist,
// so track_artists is read only when a touched track is new or changed its artist.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parquet/batch.h"
#include "pipeline/silver/catalog.h"
#include "pipeline/silver/lake_tables.h"

namespace uw::silver {

class PublishedMusic {
 public:
  // The four tables, or nullopt with the reason when one was written with other columns than
  // this build writes (a full build is needed).
  static std::optional<PublishedMusic> Read(const storage::ObjectStore& lake,
                                            std::string& why_not);

  bool HasTrack(std::string_view id) const;
  bool HasArtist(std::string_view id) const;
  // Fills a catalog entry from its published row, when there is one; valid while this lives.
  CatalogLookup Lookup() const;
  // The tables `touched` changes: each published table with the rows of `touched`'s entries
  // replaced or added. A table none of whose rows changed is left out.
  std::vector<LakeTable> Patch(const Catalog& touched) const;

 private:
  PublishedMusic(const storage::ObjectStore& lake, parquet::Batch tracks, parquet::Batch artists,
                 parquet::Batch albums);
  // Whether some touched track is not published with the artist it now has.
  bool ArtistsOfTracksChanged(const Catalog& touched) const;

  const storage::ObjectStore* lake_;
  // Each in key order, every column as published.
  parquet::Batch tracks_, artists_, albums_;
};

}  // namespace uw::silver
