#include "pipeline/silver/table_checks.h"

#include <fmt/format.h>

#include <unordered_map>

#include "parquet/value_format.h"

namespace uw::silver {
namespace {

// "year=2024/month=3", in the table's partition column order.
std::string PartitionText(const SilverTable& table, const delta::PartitionValues& values) {
  std::string text;
  for (const std::string& column : table.partition_columns) {
    const auto it = values.find(column);
    if (it == values.end()) continue;
    if (!text.empty()) text += '/';
    text += column + '=' + it->second.value_or("null");
  }
  return text.empty() ? "the table" : text;
}

// "event_id=abc" (or "track_id=x, position=0") of one row.
std::string KeyText(const SilverTable& table, const parquet::Batch& rows, size_t row) {
  std::string text;
  for (const std::string& column : table.key) {
    if (!text.empty()) text += ", ";
    const parquet::ColumnVector& values = rows.column(column);
    text += column + '=' + (values.IsNull(row) ? "null" : parquet::FormatCell(values, row));
  }
  return text;
}

// The key of one row as a single string (columns joined by a separator names never hold).
std::string KeyOf(const SilverTable& table, const parquet::Batch& rows, size_t row) {
  std::string key;
  for (const std::string& column : table.key) {
    const parquet::ColumnVector& values = rows.column(column);
    if (values.IsNull(row)) {
      key += '\x00';
    } else if (values.type() == parquet::ColumnType::kString) {
      key += values.GetString(row);
    } else {
      key += parquet::FormatCell(values, row);
    }
    key += '\x1f';
  }
  return key;
}

void CheckUniqueKey(const SilverTable& table, size_t max_named, std::vector<std::string>& out) {
  if (table.key.empty()) return;
  std::unordered_map<std::string, std::pair<size_t, size_t>> seen;  // key -> (partition, row)
  seen.reserve(table.num_rows());
  std::vector<std::string> named;
  uint64_t duplicates = 0;
  for (size_t p = 0; p < table.partitions.size(); ++p) {
    const parquet::Batch& rows = table.partitions[p].rows;
    for (size_t row = 0; row < rows.num_rows(); ++row) {
      const auto [it, fresh] = seen.try_emplace(KeyOf(table, rows, row), p, row);
      if (fresh) continue;
      ++duplicates;
      if (named.size() < max_named) {
        named.push_back(fmt::format("{} (row {} of {} and row {} of {})", KeyText(table, rows, row),
                                    it->second.second,
                                    PartitionText(table, table.partitions[it->second.first].values),
                                    row, PartitionText(table, table.partitions[p].values)));
      }
    }
  }
  if (duplicates == 0) return;
  out.push_back(
      fmt::format("{}: {} rows repeat a key: {}", table.name, duplicates, fmt::join(named, "; ")));
}

void CheckNotNull(const SilverTable& table, size_t max_named, std::vector<std::string>& out) {
  for (size_t c = 0; c < table.schema.size(); ++c) {
    const parquet::Field& field = table.schema.field(c);
    if (field.nullable) continue;
    uint64_t nulls = 0;
    std::vector<std::string> named;
    for (const TablePartition& partition : table.partitions) {
      const parquet::ColumnVector& values = partition.rows.column(c);
      nulls += values.null_count();
      for (size_t row = 0; row < values.size() && values.null_count() != 0; ++row) {
        if (values.IsNull(row) && named.size() < max_named) {
          named.push_back(KeyText(table, partition.rows, row) + " in " +
                          PartitionText(table, partition.values));
        }
      }
    }
    if (nulls != 0) {
      out.push_back(fmt::format("{}: {} is null in {} rows: {}", table.name, field.name, nulls,
                                fmt::join(named, "; ")));
    }
  }
}

}  // namespace

std::vector<std::string> CheckTable(const SilverTable& table, size_t max_named) {
  std::vector<std::string> problems;
  CheckNotNull(table, max_named, problems);
  CheckUniqueKey(table, max_named, problems);
  return problems;
}

}  // namespace uw::silver
