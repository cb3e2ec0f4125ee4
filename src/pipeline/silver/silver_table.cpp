#include "pipeline/silver/silver_table.h"

#include <map>

#include "core/civil_time.h"
#include "core/error.h"

namespace uw::silver {

uint64_t SilverTable::num_rows() const {
  uint64_t rows = 0;
  for (const TablePartition& p : partitions) rows += p.rows.num_rows();
  return rows;
}

parquet::Schema SilverTable::DeltaSchema() const {
  std::vector<parquet::Field> fields = schema.fields();
  for (const std::string& column : partition_columns) {
    fields.push_back({column, parquet::ColumnType::kInt32, false});
  }
  return parquet::Schema(std::move(fields));
}

namespace {

// The rows of `rows` listed in `selected` (ascending), copied run by run.
parquet::Batch Gather(const parquet::Batch& rows, const std::vector<uint32_t>& selected) {
  parquet::Batch out(rows.schema());
  size_t i = 0;
  while (i < selected.size()) {
    size_t j = i + 1;
    while (j < selected.size() && selected[j] == selected[j - 1] + 1) ++j;
    for (size_t c = 0; c < rows.num_columns(); ++c) {
      out.column(c).AppendRange(rows.column(c), selected[i], selected[j - 1] + 1);
    }
    i = j;
  }
  return out;
}

}  // namespace

std::vector<TablePartition> PartitionByMonth(const parquet::Batch& rows,
                                             std::string_view ts_column) {
  const parquet::ColumnVector& ts = rows.column(ts_column);
  // (year, month) -> its rows; std::map keeps the partitions in time order.
  std::map<std::pair<int64_t, unsigned>, std::vector<uint32_t>> months;
  for (size_t row = 0; row < rows.num_rows(); ++row) {
    const core::CivilDate day =
        core::CivilFromDays(core::FloorDiv(ts.GetInt64(row), 86'400'000'000));
    months[{day.year, day.month}].push_back(uint32_t(row));
  }
  std::vector<TablePartition> out;
  for (const auto& [month, selected] : months) {
    delta::PartitionValues values{{"year", std::to_string(month.first)},
                                  {"month", std::to_string(month.second)}};
    out.push_back({std::move(values), Gather(rows, selected)});
  }
  return out;
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

}  // namespace uw::silver
