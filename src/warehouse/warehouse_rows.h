// The rows of each core table, built from the lake tables it comes from (docs/warehouse.md has
// the lineage of every column). Each builder returns a Batch whose field names are the core
// table's column names, ready for staging. Enrichment columns absent from the lake version read
// as null. Pure functions, thread safe.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parquet/batch.h"
#include "warehouse/lake_source.h"
#include "warehouse/parent_tracks.h"

namespace uw::warehouse {

// (reason, "start" | "end") → core.dim_reason.reason_id.
using ReasonLookup = std::function<std::optional<int64_t>(std::string_view, std::string_view)>;

// The distinct (reason, group) pairs of a gold fact batch's reason_start / reason_end.
std::set<std::pair<std::string, std::string>> ReasonsOf(const parquet::Batch& facts);

// core.fact_tracks_history from one month partition of gold fact_plays.
parquet::Batch FactTracksRows(const parquet::Batch& fact_plays, Month month,
                              const ReasonLookup& reason_id);
// core.fact_podcasts_history from one month partition of gold fact_podcast_plays.
parquet::Batch FactPodcastsRows(const parquet::Batch& fact_podcast_plays, Month month,
                                const ReasonLookup& reason_id);

parquet::Batch DimArtistRows(const parquet::Batch& gold_dim_artists);
parquet::Batch DimAlbumRows(const parquet::Batch& silver_albums);
// `links`: MapParentTracks(gold_dim_tracks), giving parent_track_id.
parquet::Batch DimTrackRows(const parquet::Batch& gold_dim_tracks,
                            const std::vector<ParentLink>& links);
parquet::Batch DimPodcastRows(const parquet::Batch& silver_shows);
parquet::Batch DimEpisodeRows(const parquet::Batch& silver_episodes);
// etl_internal.parent_tracks, mapped at `now_us` (UTC µs).
parquet::Batch ParentTrackRows(const std::vector<ParentLink>& links, int64_t now_us);

// The smallest and largest date_id of a built fact batch, or nullopt when it has no rows.
std::optional<std::pair<int32_t, int32_t>> DateIdRange(const parquet::Batch& fact_rows);

}  // namespace uw::warehouse
