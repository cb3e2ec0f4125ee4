#include "pipeline/tables/table_checks.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <tuple>

#include "parquet/value_format.h"

namespace uw::tables {
namespace {

// "year=2024/month=3", in the table's partition column order.
std::string PartitionText(const LakeTable& table, const delta::PartitionValues& values) {
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
std::string KeyText(const LakeTable& table, const parquet::Batch& rows, size_t row) {
  std::string text;
  for (const std::string& column : table.key) {
    if (!text.empty()) text += ", ";
    const parquet::ColumnVector& values = rows.column(column);
    text += column + '=' + (values.IsNull(row) ? "null" : parquet::FormatCell(values, row));
  }
  return text;
}

// The key of one row as a single string (columns joined by a separator names never hold).
std::string KeyOf(const LakeTable& table, const parquet::Batch& rows, size_t row) {
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

uint64_t Mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
  return h;
}

// A hash of one row's key, from the raw values (no text is built): rows with equal keys have
// equal hashes; equal hashes are then compared exactly with KeyOf.
uint64_t KeyHash(const std::vector<const parquet::ColumnVector*>& columns, size_t row) {
  uint64_t h = 0;
  for (const parquet::ColumnVector* values : columns) {
    if (values->IsNull(row)) {
      h = Mix(h, 0x6E756C6CULL);
      continue;
    }
    switch (values->type()) {
      case parquet::ColumnType::kString:
        h = Mix(h, std::hash<std::string_view>{}(values->GetString(row)));
        break;
      case parquet::ColumnType::kBoolean:
        h = Mix(h, values->GetBool(row));
        break;
      case parquet::ColumnType::kInt32:
      case parquet::ColumnType::kDate:
        h = Mix(h, uint64_t(int64_t(values->GetInt32(row))));
        break;
      case parquet::ColumnType::kInt64:
      case parquet::ColumnType::kTimestamp:
        h = Mix(h, uint64_t(values->GetInt64(row)));
        break;
      case parquet::ColumnType::kDouble: {
        const double d = values->GetDouble(row);
        uint64_t bits;
        std::memcpy(&bits, &d, sizeof bits);
        h = Mix(h, bits);
        break;
      }
    }
  }
  return h;
}

// Rows repeating a key: a 64-bit hash per row is sorted (a few linear passes, no per-row
// allocation); only rows with equal hashes are compared by their exact keys.
void CheckUniqueKey(const LakeTable& table, size_t max_named, std::vector<std::string>& out) {
  if (table.key.empty()) return;
  struct Entry {
    uint64_t hash;
    uint32_t partition, row;
  };
  std::vector<Entry> entries;
  entries.reserve(table.num_rows());
  for (size_t p = 0; p < table.partitions.size(); ++p) {
    const parquet::Batch& rows = table.partitions[p].rows;
    std::vector<const parquet::ColumnVector*> columns;
    for (const std::string& column : table.key) columns.push_back(&rows.column(column));
    for (size_t row = 0; row < rows.num_rows(); ++row) {
      entries.push_back({KeyHash(columns, row), uint32_t(p), uint32_t(row)});
    }
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.hash, a.partition, a.row) < std::tie(b.hash, b.partition, b.row);
  });
  const auto key = [&](const Entry& e) {
    return KeyOf(table, table.partitions[e.partition].rows, e.row);
  };
  std::vector<std::string> named;
  uint64_t duplicates = 0;
  for (size_t i = 1; i < entries.size(); ++i) {
    if (entries[i].hash != entries[i - 1].hash) continue;
    // Within a run of equal hashes, find an earlier entry with the same key.
    const std::string again_key = key(entries[i]);
    for (size_t j = i; j-- > 0 && entries[j].hash == entries[i].hash;) {
      if (key(entries[j]) != again_key) continue;
      ++duplicates;
      if (named.size() < max_named) {
        const Entry& first = entries[j];
        const Entry& again = entries[i];
        named.push_back(
            fmt::format("{} (row {} of {} and row {} of {})",
                        KeyText(table, table.partitions[again.partition].rows, again.row),
                        first.row, PartitionText(table, table.partitions[first.partition].values),
                        again.row, PartitionText(table, table.partitions[again.partition].values)));
      }
      break;
    }
  }
  if (duplicates == 0) return;
  out.push_back(
      fmt::format("{}: {} rows repeat a key: {}", table.name, duplicates, fmt::join(named, "; ")));
}

}  // namespace

std::vector<std::string> CheckTable(const LakeTable& table, size_t max_named) {
  std::vector<NullCounts> counts;
  for (const TablePartition& partition : table.partitions) {
    counts.push_back(CountNulls(table, partition, max_named));
  }
  std::vector<std::string> problems = NullProblems(table, counts, max_named);
  CheckUniqueKey(table, max_named, problems);
  return problems;
}

NullCounts CountNulls(const LakeTable& table, const TablePartition& partition, size_t max_named) {
  NullCounts counts;
  counts.nulls.assign(table.schema.size(), 0);
  counts.named.resize(table.schema.size());
  for (size_t c = 0; c < table.schema.size(); ++c) {
    if (table.schema.field(c).nullable) continue;
    const parquet::ColumnVector& values = partition.rows.column(c);
    counts.nulls[c] = values.null_count();
    for (size_t row = 0; row < values.size() && values.null_count() != 0; ++row) {
      if (values.IsNull(row) && counts.named[c].size() < max_named) {
        counts.named[c].push_back(KeyText(table, partition.rows, row) + " in " +
                                  PartitionText(table, partition.values));
      }
    }
  }
  return counts;
}

std::vector<std::string> NullProblems(const LakeTable& table, const std::vector<NullCounts>& counts,
                                      size_t max_named) {
  std::vector<std::string> problems;
  for (size_t c = 0; c < table.schema.size(); ++c) {
    const parquet::Field& field = table.schema.field(c);
    if (field.nullable) continue;
    uint64_t nulls = 0;
    std::vector<std::string> named;
    for (const NullCounts& partition : counts) {
      nulls += partition.nulls[c];
      for (const std::string& row : partition.named[c]) {
        if (named.size() < max_named) named.push_back(row);
      }
    }
    if (nulls != 0) {
      problems.push_back(fmt::format("{}: {} is null in {} rows: {}", table.name, field.name, nulls,
                                     fmt::join(named, "; ")));
    }
  }
  return problems;
}

std::vector<std::string> KeyProblems(const LakeTable& table, size_t max_named) {
  std::vector<std::string> problems;
  CheckUniqueKey(table, max_named, problems);
  return problems;
}

}  // namespace uw::tables
