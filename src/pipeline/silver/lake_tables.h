// Silver builds its tables with the machinery every layer shares (pipeline/tables/): these
// names are used unqualified throughout the silver build.
#pragma once

#include <climits>
#include <optional>

#include "pipeline/tables/lake_table.h"
#include "pipeline/tables/publish_table.h"
#include "pipeline/tables/read_table.h"
#include "pipeline/tables/table_checks.h"
#include "pipeline/silver/text_column.h"

namespace uw::silver {

using tables::AbandonStaged;
using tables::AppendOptBool;
using tables::AppendOptInt64;
using tables::AppendOptMicros;
using tables::AppendText;
using tables::BuildMonthPartitions;
using tables::CheckTable;
using tables::CommitTable;
using tables::LakeTable;
using tables::Materialize;
using tables::MonthPartitioner;
using tables::PublishedTable;
using tables::ReadPartitions;
using tables::ReadTable;
using tables::SinglePartition;
using tables::StagedTable;
using tables::StageStreamedTable;
using tables::StageTable;
using tables::StreamedTable;
using tables::StreamMonthPartitions;
using tables::TablePartition;

inline void AppendOptInt32(parquet::ColumnVector& column, const std::optional<int64_t>& value) {
  if (value && *value >= INT32_MIN && *value <= INT32_MAX) {
    column.AppendInt32(static_cast<int32_t>(*value));
  } else {
    column.AppendNull();
  }
}

// "spotify" for a row a Spotify catalogue response filled (metadata_source columns), else null.
inline void AppendSource(parquet::ColumnVector& column, const void* response) {
  AppendText(column, response != nullptr ? "spotify" : "");
}

}  // namespace uw::silver
