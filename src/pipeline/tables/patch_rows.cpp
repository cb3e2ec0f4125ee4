#include "pipeline/tables/patch_rows.h"

#include <algorithm>
#include <cstring>

#include "core/error.h"

namespace uw::tables {
namespace {

using parquet::Batch;
using parquet::ColumnVector;

bool SameRows(const Batch& a, RowRange ra, const Batch& b, RowRange rb) {
  if (ra.end - ra.begin != rb.end - rb.begin) return false;
  for (size_t c = 0; c < a.num_columns(); ++c) {
    for (size_t k = 0; k < ra.end - ra.begin; ++k) {
      if (!SameValue(a.column(c), ra.begin + k, b.column(c), rb.begin + k)) return false;
    }
  }
  return true;
}

void AppendRows(Batch& out, const Batch& from, RowRange range) {
  if (range.empty()) return;
  for (size_t c = 0; c < out.num_columns(); ++c)
    out.column(c).AppendRange(from.column(c), range.begin, range.end);
}

void CheckShapes(const Batch& published, const Batch& updated) {
  const auto& a = published.schema().fields();
  const auto& b = updated.schema().fields();
  const bool same = a.size() == b.size() && !a.empty() &&
                    std::equal(a.begin(), a.end(), b.begin(), [](const auto& x, const auto& y) {
                      return x.name == y.name && x.type == y.type;
                    });
  if (!same || a.front().type != parquet::ColumnType::kString)
    Fail(ErrorCode::kInternal, "PatchRows: the published and updated rows differ in columns");
}

}  // namespace

RowRange KeyRows(const ColumnVector& keys, std::string_view key, size_t from) {
  size_t lo = from, hi = keys.size();
  while (lo < hi) {  // first row not below `key`
    const size_t mid = lo + (hi - lo) / 2;
    if (keys.GetString(mid) < key) lo = mid + 1; else hi = mid;
  }
  RowRange range{lo, lo};
  while (range.end < keys.size() && keys.GetString(range.end) == key) ++range.end;
  return range;
}

bool SameValue(const ColumnVector& a, size_t i, const ColumnVector& b, size_t j) {
  const bool null_a = a.IsNull(i), null_b = b.IsNull(j);
  if (null_a || null_b) return null_a == null_b;
  switch (a.type()) {
    case parquet::ColumnType::kBoolean:
      return a.GetBool(i) == b.GetBool(j);
    case parquet::ColumnType::kInt32:
    case parquet::ColumnType::kDate:
      return a.GetInt32(i) == b.GetInt32(j);
    case parquet::ColumnType::kInt64:
    case parquet::ColumnType::kTimestamp:
      return a.GetInt64(i) == b.GetInt64(j);
    case parquet::ColumnType::kDouble: {
      const double x = a.GetDouble(i), y = b.GetDouble(j);
      return std::memcmp(&x, &y, sizeof x) == 0;
    }
    case parquet::ColumnType::kString:
      return a.GetString(i) == b.GetString(j);
  }
  return false;
}

std::optional<Batch> PatchRows(const Batch& published, const Batch& updated,
                               const std::vector<std::string_view>& keys) {
  CheckShapes(published, updated);
  const ColumnVector& old_keys = published.column(0);
  const ColumnVector& new_keys = updated.column(0);
  // Each key's published and updated rows; both searches move forward only.
  std::vector<std::pair<RowRange, RowRange>> groups;
  groups.reserve(keys.size());
  size_t old_from = 0, new_from = 0, new_rows = 0;
  bool changed = false;
  for (const std::string_view key : keys) {
    const RowRange old_range = KeyRows(old_keys, key, old_from);
    const RowRange new_range = KeyRows(new_keys, key, new_from);
    if (new_range.begin != new_from)
      Fail(ErrorCode::kInternal, "PatchRows: updated rows of a key not listed before \"{}\"", key);
    old_from = old_range.end;
    new_from = new_range.end;
    new_rows += new_range.end - new_range.begin;
    changed = changed || !SameRows(published, old_range, updated, new_range);
    groups.push_back({old_range, new_range});
  }
  if (new_from != updated.num_rows())
    Fail(ErrorCode::kInternal, "PatchRows: updated rows of a key not listed");
  if (!changed) return std::nullopt;

  Batch out(updated.schema());
  out.Reserve(published.num_rows() + new_rows);
  size_t copied = 0;  // published rows before this are in `out` or replaced
  for (const auto& [old_range, new_range] : groups) {
    AppendRows(out, published, {copied, old_range.begin});
    AppendRows(out, updated, new_range);
    copied = old_range.end;
  }
  AppendRows(out, published, {copied, published.num_rows()});
  return out;
}

}  // namespace uw::tables
