#include "pipeline/tables/lake_table.h"

#include <map>
#include <memory>

#include "core/civil_time.h"
#include "core/error.h"
#include "parquet/parallel.h"

namespace uw::tables {

uint64_t LakeTable::num_rows() const {
  uint64_t rows = 0;
  for (const TablePartition& p : partitions) rows += p.rows.num_rows();
  return rows;
}

parquet::Schema LakeTable::DeltaSchema() const {
  std::vector<parquet::Field> fields = schema.fields();
  for (const std::string& column : partition_columns) {
    fields.push_back({column, parquet::ColumnType::kInt32, false});
  }
  return parquet::Schema(std::move(fields));
}

parquet::Batch& MonthPartitioner::For(int64_t ended_at_ms) {
  if (current_ && ended_at_ms >= current_begin_ms_ && ended_at_ms < current_end_ms_)
    return *current_;
  const core::CivilDate day = core::CivilFromDays(core::FloorDiv(ended_at_ms, 86'400'000));
  current_begin_ms_ = core::DaysFromCivil(day.year, day.month, 1) * 86'400'000;
  current_end_ms_ = (day.month == 12 ? core::DaysFromCivil(day.year + 1, 1, 1)
                                     : core::DaysFromCivil(day.year, day.month + 1, 1)) *
                    86'400'000;
  current_ = &months_.try_emplace({day.year, day.month}, schema_).first->second;
  return *current_;
}

std::vector<TablePartition> MonthPartitioner::Take() {
  std::vector<TablePartition> out;
  for (auto& [month, rows] : months_) {
    delta::PartitionValues values{{"year", std::to_string(month.first)},
                                  {"month", std::to_string(month.second)}};
    out.push_back({std::move(values), std::move(rows)});
  }
  months_.clear();
  current_ = nullptr;
  return out;
}

std::vector<TablePartition> BuildMonthPartitions(
    const parquet::Schema& schema, size_t count, const std::function<int64_t(size_t)>& ended_ms,
    const std::function<void(parquet::Batch&, size_t)>& append) {
  // Month boundaries of the sorted rows; any row out of order sends everything down the
  // sequential path.
  struct Run {
    size_t begin, end;
  };
  std::vector<Run> runs;
  int64_t month_end = 0;
  bool sorted = true;
  for (size_t i = 0; i < count && sorted; ++i) {
    const int64_t ms = ended_ms(i);
    sorted = i == 0 || ms >= ended_ms(i - 1);
    if (runs.empty() || ms >= month_end) {
      const core::CivilDate day = core::CivilFromDays(core::FloorDiv(ms, 86'400'000));
      month_end = (day.month == 12 ? core::DaysFromCivil(day.year + 1, 1, 1)
                                   : core::DaysFromCivil(day.year, day.month + 1, 1)) *
                  86'400'000;
      runs.push_back({i, i});
    }
    runs.back().end = i + 1;
  }
  MonthPartitioner months(schema);
  if (!sorted) {
    for (size_t i = 0; i < count; ++i) append(months.For(ended_ms(i)), i);
    return months.Take();
  }
  std::vector<parquet::Batch*> batches;
  for (const Run& run : runs) batches.push_back(&months.For(ended_ms(run.begin)));
  parquet::ParallelFor(runs.size(), parquet::DefaultThreads(), [&](size_t r) {
    batches[r]->Reserve(runs[r].end - runs[r].begin);
    for (size_t i = runs[r].begin; i < runs[r].end; ++i) append(*batches[r], i);
  });
  return months.Take();
}

LakeTable Materialize(const StreamedTable& table) {
  std::vector<std::optional<parquet::Batch>> rows(table.partitions.size());
  parquet::ParallelFor(rows.size(), parquet::DefaultThreads(), [&](size_t n) {
    const size_t i = table.BuildOrder(n);
    rows[i].emplace(table.build(i));
  });
  LakeTable out = table.shape;
  for (size_t i = 0; i < rows.size(); ++i) {
    out.partitions.push_back({table.partitions[i], std::move(*rows[i])});
  }
  return out;
}

StreamedTable StreamMonthPartitions(LakeTable shape, size_t count,
                                    const std::function<int64_t(size_t)>& ended_ms,
                                    std::function<void(parquet::Batch&, size_t)> append) {
  // The rows of each UTC month as runs of consecutive rows, in row order (what MonthPartitioner
  // appends them in): one run per month when the rows are sorted, so a million rows cost a
  // hundred runs, not a million indices.
  struct Run {
    size_t begin, end;
  };
  struct Month {
    std::vector<Run> runs;
    size_t rows = 0;
  };
  std::map<std::pair<int, int>, Month> months;
  Month* current = nullptr;
  int64_t begin_ms = 1, end_ms = 0;
  for (size_t i = 0; i < count; ++i) {
    const int64_t ms = ended_ms(i);
    if (current == nullptr || ms < begin_ms || ms >= end_ms) {
      const core::CivilDate day = core::CivilFromDays(core::FloorDiv(ms, 86'400'000));
      begin_ms = core::DaysFromCivil(day.year, day.month, 1) * 86'400'000;
      end_ms = (day.month == 12 ? core::DaysFromCivil(day.year + 1, 1, 1)
                                : core::DaysFromCivil(day.year, day.month + 1, 1)) *
               86'400'000;
      current = &months[{day.year, day.month}];
      current->runs.push_back({i, i});
    }
    current->runs.back().end = i + 1;
    ++current->rows;
  }
  StreamedTable table;
  table.shape = std::move(shape);
  auto rows = std::make_shared<std::vector<Month>>();
  for (auto& [month, runs] : months) {
    table.partitions.push_back(
        {{"year", std::to_string(month.first)}, {"month", std::to_string(month.second)}});
    rows->push_back(std::move(runs));
  }
  table.build = [schema = table.shape.schema, rows, append = std::move(append)](size_t p) {
    parquet::Batch batch(schema);
    batch.Reserve((*rows)[p].rows);
    for (const Run& run : (*rows)[p].runs) {
      for (size_t i = run.begin; i < run.end; ++i) append(batch, i);
    }
    return batch;
  };
  return table;
}

std::vector<TablePartition> SinglePartition(parquet::Batch rows) {
  std::vector<TablePartition> out;
  out.push_back({{}, std::move(rows)});
  return out;
}

void AppendText(parquet::ColumnVector& column, std::string_view value) {
  if (value.empty()) {
    column.AppendNull();
  } else {
    column.AppendString(value);
  }
}

void AppendOptBool(parquet::ColumnVector& column, const std::optional<bool>& value) {
  if (value) {
    column.AppendBool(*value);
  } else {
    column.AppendNull();
  }
}

void AppendOptInt64(parquet::ColumnVector& column, const std::optional<int64_t>& value) {
  if (value) {
    column.AppendInt64(*value);
  } else {
    column.AppendNull();
  }
}

void AppendOptMicros(parquet::ColumnVector& column, const std::optional<int64_t>& millis) {
  if (millis) {
    column.AppendInt64(*millis * 1000);
  } else {
    column.AppendNull();
  }
}

}  // namespace uw::tables
