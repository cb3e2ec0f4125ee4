// The columns silver's fact tables and its tracks table are made of, defined once: silver writes
// them and gold copies or reads them (docs/lake.md "Silver"), so the two layers cannot drift
// apart. A silver fact table is its time columns, then its identity columns, then its context
// and flags; gold's fact tables carry all three unchanged.
#pragma once

#include <vector>

#include "parquet/schema.h"

namespace uw::tables {

// event_id, ended_at, started_at, ms_played, ms_played_estimated.
std::vector<parquet::Field> SilverEventTimeFields();
// platform … sources: where and how the event played, and which sources saw it.
std::vector<parquet::Field> SilverEventContextFields();
// listening_events between the two: the track, its artist and album, the api context.
std::vector<parquet::Field> SilverListeningIdentityFields();
// podcast_events between the two: content type, episode or chapter, show or book.
std::vector<parquet::Field> SilverPodcastIdentityFields();
// The first columns of silver.tracks, known from the listener's own plays (the catalogue's
// columns follow them).
std::vector<parquet::Field> SilverTrackPlayFields();

}  // namespace uw::tables
