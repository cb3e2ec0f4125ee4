#include "pipeline/gold/silver_access.h"

#include <algorithm>

#include "core/error.h"

namespace uw::gold {

const parquet::ColumnVector& SilverColumn(const parquet::Batch& batch, std::string_view table,
                                          std::string_view name, parquet::ColumnType type) {
  const auto index = batch.schema().IndexOf(name);
  if (!index || batch.schema().field(*index).type != type) {
    Fail(ErrorCode::kCorrupt,
         "silver {} has no {} column \"{}\" (written by another version?): rebuild silver with "
         "`unwrapped build --layer silver --force`",
         table, parquet::ColumnTypeName(type), name);
  }
  return batch.column(*index);
}

const parquet::ColumnVector* OptionalColumn(const parquet::Batch& batch, std::string_view name,
                                            parquet::ColumnType type) {
  const auto index = batch.schema().IndexOf(name);
  if (!index || batch.schema().field(*index).type != type) return nullptr;
  return &batch.column(*index);
}

std::vector<const parquet::ColumnVector*> SilverColumns(const parquet::Batch& batch,
                                                        std::string_view table,
                                                        const std::vector<parquet::Field>& fields) {
  std::vector<const parquet::ColumnVector*> columns;
  for (const parquet::Field& field : fields)
    columns.push_back(&SilverColumn(batch, table, field.name, field.type));
  return columns;
}

RowIndex::RowIndex(const parquet::ColumnVector& ids) {
  rows_.reserve(ids.size());
  for (size_t row = 0; row < ids.size(); ++row) {
    if (!ids.IsNull(row)) rows_.emplace(ids.GetString(row), int32_t(row));
  }
}

std::vector<int32_t> RowIndex::FindAll(const parquet::ColumnVector& ids) const {
  std::vector<int32_t> rows(ids.size(), -1);
  const auto* table = dynamic_cast<const parquet::StringTable*>(ids.dictionary());
  if (table == nullptr || table->size() > ids.size()) {
    for (size_t i = 0; i < ids.size(); ++i) {
      if (!ids.IsNull(i)) rows[i] = Find(ids.GetString(i));
    }
    return rows;
  }
  constexpr int32_t kUnknown = -2;
  std::vector<int32_t> of_code(table->size(), kUnknown);
  const auto codes = ids.codes();
  for (size_t i = 0; i < ids.size(); ++i) {
    if (ids.IsNull(i)) continue;
    int32_t& row = of_code[codes[i]];
    if (row == kUnknown) row = Find(table->Get(codes[i]));
    rows[i] = row;
  }
  return rows;
}

parquet::Batch SortByEndThenId(parquet::Batch events, std::string_view table) {
  const auto ended =
      SilverColumn(events, table, "ended_at", parquet::ColumnType::kTimestamp).int64s();
  const parquet::ColumnVector& ids =
      SilverColumn(events, table, "event_id", parquet::ColumnType::kString);
  // The end time sits beside the row number so the sort compares without chasing pointers;
  // event ids are only read for ties.
  struct Row {
    int64_t ended;
    uint32_t row;
  };
  const auto before = [&](const Row& a, const Row& b) {
    return a.ended != b.ended ? a.ended < b.ended : ids.GetString(a.row) < ids.GetString(b.row);
  };
  const size_t n = events.num_rows();
  size_t in_order = 1;  // rows already in order: checked in place, nothing allocated
  while (in_order < n && !before(Row{ended[in_order], uint32_t(in_order)},
                                 Row{ended[in_order - 1], uint32_t(in_order - 1)}))
    ++in_order;
  if (in_order >= n) return events;
  std::vector<Row> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = {ended[i], uint32_t(i)};
  std::sort(order.begin(), order.end(), before);

  // Partitions are time-ordered inside, so the order is usually a few long runs of consecutive
  // rows, copied run by run; a shuffled table is copied row by row.
  size_t runs = 1;
  for (size_t i = 1; i < n; ++i) runs += order[i].row != order[i - 1].row + 1;
  parquet::Batch sorted(events.schema());
  sorted.Reserve(n);
  for (size_t c = 0; c < events.num_columns(); ++c) {
    const parquet::ColumnVector& from = events.column(c);
    parquet::ColumnVector& to = sorted.column(c);
    if (runs > n / 8) {
      for (const Row& r : order) to.AppendFrom(from, r.row);
      continue;
    }
    for (size_t begin = 0; begin < n;) {
      size_t end = begin + 1;
      while (end < n && order[end].row == order[end - 1].row + 1) ++end;
      to.AppendRange(from, order[begin].row, order[end - 1].row + 1);
      begin = end;
    }
  }
  return sorted;
}

}  // namespace uw::gold
