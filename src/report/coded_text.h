// Text columns of a gold batch, interned once per distinct string instead of once per row. The
// reader hands dictionary-encoded columns over as codes of a shared dictionary (column_vector.h),
// so a million plays naming a few thousand artists need a few thousand lookups; a plain column
// (or an absent one) falls back to the work per row.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "parquet/column_vector.h"

namespace uw::report {

// One string column of a batch, or none (every row reads as ""). Null rows read as "".
class TextColumn {
 public:
  explicit TextColumn(const parquet::ColumnVector* column)
      : column_(column), coded_(column && column->dictionary() != nullptr) {}

  std::string_view Get(size_t row) const {
    return column_ && !column_->IsNull(row) ? column_->GetString(row) : std::string_view();
  }
  // True when rows with the same Slot() hold the same text.
  bool coded() const { return coded_ || !column_; }
  // A small number standing for the row's text when coded(): 0 for null (a null row's
  // placeholder code may be a real string of an outside dictionary), else its code + 1.
  size_t Slot(size_t row) const {
    if (!column_ || column_->IsNull(row)) return 0;
    return size_t(column_->codes()[row]) + 1;
  }

 private:
  const parquet::ColumnVector* column_;
  bool coded_;
};

// What `compute` gave for the first row of each Slot() of a coded column, computed once per slot;
// for a plain column, computed every row. `compute` must depend only on the slot's text (and on
// state that the first call fixes, like Dictionary::Intern's first-seen order).
class SlotMemo {
 public:
  template <typename Compute>
  int32_t Get(const TextColumn& column, size_t row, Compute&& compute) {
    if (!column.coded()) return compute();
    const size_t slot = column.Slot(row);
    if (slot >= values_.size()) values_.resize(slot + 1, kUnset);
    int32_t& value = values_[slot];
    if (value == kUnset) value = compute();
    return value;
  }

 private:
  static constexpr int32_t kUnset = INT32_MIN;
  std::vector<int32_t> values_;
};

}  // namespace uw::report
