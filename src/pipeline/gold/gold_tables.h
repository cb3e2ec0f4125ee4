// The gold tables (DESIGN §2, docs/lake.md "Gold"): one builder per table, each in the .cpp named
// after it. The facts and dimensions are here; the calendar, sessions and aggregates are in
// aggregates.h. Every builder reads GoldPlays (or silver podcast_events) and nothing else.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "parquet/batch.h"
#include "pipeline/gold/gold_plays.h"
#include "pipeline/tables/lake_table.h"

namespace uw::gold {

// fact_plays: one row per music play, everything joined and derived; year=/month= of UTC ended_at.
tables::LakeTable FactPlaysTable(const GoldPlays& plays);
// The same, built a month at a time (tables::StreamedTable); `plays` must outlive it.
tables::StreamedTable FactPlaysStream(const GoldPlays& plays);
// fact_podcast_plays: one row per silver podcast_events row (any order) with local time,
// counted and the attributes of its silver episode and show (null without `dimensions`, which
// must outlive the result); partitioned like fact_plays.
tables::LakeTable FactPodcastPlaysTable(const parquet::Batch& podcast_events,
                                        const GoldOptions& options,
                                        const SilverInputs* dimensions = nullptr);
// The same, built a month at a time; it keeps its own (sorted) copy of the rows.
tables::StreamedTable FactPodcastPlaysStream(const parquet::Batch& podcast_events,
                                             const GoldOptions& options,
                                             const SilverInputs* dimensions = nullptr);
// The silver columns each fact copies: all gold reads of listening_events / podcast_events (the
// rest of gold reads only columns fact_plays copies too).
std::vector<std::string> FactPlaysSilverColumns();
std::vector<std::string> FactPodcastPlaysSilverColumns();
// dim_tracks / dim_artists: the silver dimension, widened with album, enrichment and Last.fm.
tables::LakeTable DimTracksTable(const GoldPlays& plays);
tables::LakeTable DimArtistsTable(const GoldPlays& plays);

// Every gold table in publishing order, each built when the previous one was handed over (the
// two dimensions together, with the index of the plays the aggregates share; the aggregates,
// which are small, all together: ForEachAggregateTable): the dimensions and aggregates whole
// to `visit`, the facts as streams to `stream`, so a caller that stages each table before the
// next holds the rows of one large table at a time.
void ForEachGoldTable(const GoldPlays& plays, const parquet::Batch& podcast_events,
                      const GoldOptions& options,
                      const std::function<void(tables::LakeTable)>& visit,
                      const std::function<void(const tables::StreamedTable&)>& stream);

// Every gold table in publishing order: dimensions, then the aggregates (aggregates.h), then the
// facts.
std::vector<tables::LakeTable> AllGoldTables(const GoldPlays& plays,
                                             const parquet::Batch& podcast_events,
                                             const GoldOptions& options);

}  // namespace uw::gold
