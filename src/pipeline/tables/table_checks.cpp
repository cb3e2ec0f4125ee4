#include "pipeline/tables/table_checks.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>
#include <unordered_map>

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

// Rows sharing a key, found with `key_of(rows, row)` giving a hashable key.
template <typename Key, typename KeyOf>
void FindRepeats(const LakeTable& table, size_t max_named, std::vector<std::string>& out,
                 KeyOf key_of) {
  std::unordered_map<Key, std::pair<size_t, size_t>> seen;  // key -> (partition, row)
  seen.reserve(table.num_rows());
  std::vector<std::string> named;
  uint64_t duplicates = 0;
  for (size_t p = 0; p < table.partitions.size(); ++p) {
    const parquet::Batch& rows = table.partitions[p].rows;
    for (size_t row = 0; row < rows.num_rows(); ++row) {
      const auto [it, fresh] = seen.try_emplace(key_of(rows, row), p, row);
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

// The common case (event_id, track_id, …): one non-null string column. Sorting 64-bit hashes
// is several times faster than a hash set of a million keys; equal hashes are then compared
// as strings, so a collision never reports a false duplicate.
void CheckUniqueStrings(const LakeTable& table, size_t column, size_t max_named,
                        std::vector<std::string>& out) {
  struct Entry {
    uint64_t hash;
    uint32_t partition, row;
  };
  std::vector<Entry> entries;
  entries.reserve(table.num_rows());
  for (size_t p = 0; p < table.partitions.size(); ++p) {
    const parquet::ColumnVector& values = table.partitions[p].rows.column(column);
    for (size_t row = 0; row < values.size(); ++row) {
      entries.push_back(
          {std::hash<std::string_view>{}(values.GetString(row)), uint32_t(p), uint32_t(row)});
    }
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.hash, a.partition, a.row) < std::tie(b.hash, b.partition, b.row);
  });
  const auto value = [&](const Entry& e) {
    return table.partitions[e.partition].rows.column(column).GetString(e.row);
  };
  std::vector<std::string> named;
  uint64_t duplicates = 0;
  for (size_t i = 1; i < entries.size(); ++i) {
    if (entries[i].hash != entries[i - 1].hash) continue;
    // Within a run of equal hashes, find an earlier entry with the same string.
    for (size_t j = i; j-- > 0 && entries[j].hash == entries[i].hash;) {
      if (value(entries[j]) != value(entries[i])) continue;
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

void CheckUniqueKey(const LakeTable& table, size_t max_named, std::vector<std::string>& out) {
  if (table.key.empty()) return;
  const auto index = table.schema.IndexOf(table.key[0]);
  if (table.key.size() == 1 && index &&
      table.schema.field(*index).type == parquet::ColumnType::kString &&
      !table.schema.field(*index).nullable) {
    CheckUniqueStrings(table, *index, max_named, out);
    return;
  }
  FindRepeats<std::string>(table, max_named, out, [&](const parquet::Batch& rows, size_t row) {
    return KeyOf(table, rows, row);
  });
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
