// Parent tracks (docs/warehouse.md "parent_tracks"): a live, remastered, deluxe, radio-edit or
// "(… Version)" recording — "(Taylor's Version)" included — is mapped to the same artist's track
// with the base title, when the listener has played that one too. Pure functions, thread safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parquet/batch.h"

namespace uw::warehouse {

struct BaseTitle {
  std::string title;  // the title with every version marker stripped
  std::string rule;   // the first (outermost) marker: live, remaster, deluxe, version,
                      // taylors_version, radio_edit, single, mono, stereo
};

// The base title of a version's title, or nullopt when the title carries no version marker.
// Markers are trailing "(…)" / "[…]" groups and " - …" suffixes, stripped repeatedly:
// "Love Story (Taylor's Version)", "Song - Live at Wembley", "Song - Remastered 2011",
// "Song (2011 Remaster)", "Song (Deluxe Edition)", "Song (Radio Edit)", "Song - Single Version".
std::optional<BaseTitle> StripVersion(std::string_view title);

struct ParentLink {
  std::string track_id, parent_track_id, artist_id, track_name, parent_track_name, rule;
};

// Links for the tracks of `tracks` (columns track_id, track_name, artist_id): a version maps to
// the same artist's track whose title equals its base title (ASCII case and whitespace
// insensitive); several candidates: the lowest track_id. Ordered by track_id.
std::vector<ParentLink> MapParentTracks(const parquet::Batch& tracks);

}  // namespace uw::warehouse
