// The columns listening_events and podcast_events share: the play's timing first, then its
// context, flags and lineage. Each fact table puts its own identity columns between the two.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "parquet/batch.h"
#include "pipeline/silver/event_ids.h"
#include "pipeline/silver/lake_tables.h"
#include "pipeline/silver/play_record.h"

namespace uw::silver {

// tables::SilverEventContextFields, then silver's lineage: bronze_file, ended_at_precision,
// ended_at_ambiguous, name_resolution. (The time columns are tables::SilverEventTimeFields.)
std::vector<parquet::Field> EventContextFields();

// Append one play's values to the columns starting at `first_column`; return the next column.
size_t AppendEventTime(parquet::Batch& batch, size_t first_column, const PlayRecord& play,
                       const EventId& event_id);
size_t AppendEventContext(parquet::Batch& batch, size_t first_column, const PlayRecord& play);

// A fact table of `plays`: the time columns, then `identity` (filled by `append_identity(rows,
// i, first_column)` for play i), then the context columns; keyed by event_id and partitioned
// by the UTC month of ended_at.
// Built one month at a time: `plays` must outlive the result.
StreamedTable EventStream(std::string name, const std::vector<parquet::Field>& identity,
                          const std::vector<PlayRecord>& plays,
                          std::function<void(parquet::Batch&, size_t, size_t)> append_identity);

// "api,extended,account": every source that saw the play, in priority order.
std::string SourcesText(uint8_t sources);
// ContentName(content), interned once.
Text ContentText(Content content);

}  // namespace uw::silver
