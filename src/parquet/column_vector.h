// ColumnVector: one column of values in memory, the unit the writer consumes and the reader
// produces (and what the silver/gold pipelines compute on). Values are dense and indexed by row:
// a null row keeps a placeholder slot (0, false, 0.0 or ""), so row i is always value i.
// Strings live in one contiguous buffer with offsets, or, for a coded column, as 32-bit codes
// into a StringDictionary: one the column does not own (AppendCode, string_dictionary.h), or a
// StringTable it shares with the columns its codes came from (the reader's dictionary-encoded
// chunks, AppendCodes; string_table.h). Copies of a column share its table. Validity
// is one byte per row and is only materialised once the first null is appended, so all-valid
// columns pay nothing for it.
// Not thread safe.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parquet/schema.h"
#include "parquet/string_dictionary.h"
#include "parquet/string_table.h"

namespace uw::parquet {

class ColumnVector {
 public:
  explicit ColumnVector(ColumnType type);

  ColumnType type() const { return type_; }
  size_t size() const { return size_; }
  size_t null_count() const { return null_count_; }
  bool IsNull(size_t row) const { return null_count_ != 0 && valid_[row] == 0; }

  // Appenders. The typed ones must match type(): AppendBool for kBoolean, AppendInt32 for kInt32
  // and kDate (days), AppendInt64 for kInt64 and kTimestamp (µs), AppendDouble, AppendString.
  void AppendNull();
  void AppendNulls(size_t count);
  void AppendBool(bool value);
  void AppendInt32(int32_t value);
  void AppendInt64(int64_t value);
  void AppendDouble(double value);
  void AppendString(std::string_view value);
  // Appends the string `code` of `dictionary`, which must outlive the column. A string column
  // holds either codes of one dictionary or its own bytes: the first AppendCode of a column with
  // no strings yet (only nulls, or empty) makes it a coded column; mixing throws
  // Error(kInternal).
  void AppendCode(const StringDictionary& dictionary, uint32_t code);
  // Appends row `row` of `other` (same type), null or not.
  void AppendFrom(const ColumnVector& other, size_t row);
  // Appends rows [begin, end) of `other` (same type). Coded rows stay codes: of the same
  // dictionary they are copied; of another one, when this column holds codes already, their
  // strings join a StringTable this column owns (made from its own dictionary the first time), so
  // concatenating the coded columns of many files keeps them coded.
  void AppendRange(const ColumnVector& other, size_t begin, size_t end);
  // Appends row rows[i] of `other` (same type) for each i, or a null where rows[i] is negative:
  // a join's gather, one call per column instead of one per value. Coded rows stay codes when
  // this column holds none or codes of the same dictionary.
  void AppendGather(const ColumnVector& other, std::span<const int32_t> rows);

  // Getters for row < size(); a null row returns its placeholder.
  bool GetBool(size_t row) const { return bools_[row] != 0; }
  int32_t GetInt32(size_t row) const { return int32s_[row]; }
  int64_t GetInt64(size_t row) const { return int64s_[row]; }
  double GetDouble(size_t row) const { return doubles_[row]; }
  std::string_view GetString(size_t row) const {
    if (dictionary_ != nullptr) return dictionary_->Get(codes_[row]);
    return std::string_view(chars_).substr(offsets_[row], offsets_[row + 1] - offsets_[row]);
  }

  // Bulk views for encoders and fast loops.
  std::span<const uint8_t> bools() const { return bools_; }
  std::span<const int32_t> int32s() const { return int32s_; }
  std::span<const int64_t> int64s() const { return int64s_; }
  std::span<const double> doubles() const { return doubles_; }
  // A string column's own bytes; empty for a coded column (read those through GetString, or
  // dictionary() and codes()).
  std::string_view chars() const { return chars_; }
  std::span<const uint64_t> offsets() const { return offsets_; }  // size() + 1 entries
  // A coded string column's dictionary and one code per row (0 for a null row); nullptr and
  // empty otherwise. A StringTable the column shares stays alive while dictionary_owner() (or
  // any column sharing it) does, and grows only when one column holds it alone.
  const StringDictionary* dictionary() const { return dictionary_; }
  // The StringTable behind dictionary() when the column shares one; nullptr otherwise.
  std::shared_ptr<const StringDictionary> dictionary_owner() const { return table_; }
  std::span<const uint32_t> codes() const { return codes_; }
  // One byte per row (1 = present), or empty when the column has never held a null.
  std::span<const uint8_t> validity() const { return valid_; }

  // Bulk appenders for decoders: `count` rows whose presence is `valid[i]` (nullptr: all
  // present); `values` holds one entry per present row, in order.
  void AppendBools(const uint8_t* values, const uint8_t* valid, size_t count);
  void AppendInt32s(const int32_t* values, const uint8_t* valid, size_t count);
  void AppendInt64s(const int64_t* values, const uint8_t* valid, size_t count);
  void AppendDoubles(const double* values, const uint8_t* valid, size_t count);
  void AppendStrings(const std::string_view* values, const uint8_t* valid, size_t count);
  // `values` are codes of `table`, which the column then shares (as AppendRange from a column
  // holding them would append them).
  void AppendCodes(const std::shared_ptr<StringTable>& table, const uint32_t* values,
                   const uint8_t* valid, size_t count);

  void Reserve(size_t rows, size_t string_bytes = 0);
  void Clear();

 private:
  void MarkValid(size_t count);
  void BecomeCoded(const StringDictionary& dictionary, std::shared_ptr<StringTable> table);
  void Decode();
  void AppendStringsFrom(const ColumnVector& other, size_t begin, size_t end);
  void AppendRecoded(const ColumnVector& other, size_t begin, size_t end);
  StringTable& OwnTable();
  void MarkValidity(const uint8_t* valid, size_t count);
  template <typename T>
  void AppendSpaced(std::vector<T>& dst, const T* values, const uint8_t* valid, size_t count);
  template <typename T>
  void Gather(std::vector<T>& dst, const std::vector<T>& src, std::span<const int32_t> rows);

  ColumnType type_;
  size_t size_ = 0;
  size_t null_count_ = 0;
  std::vector<uint8_t> valid_;
  std::vector<uint8_t> bools_;
  std::vector<int32_t> int32s_;
  std::vector<int64_t> int64s_;
  std::vector<double> doubles_;
  std::string chars_;
  std::vector<uint64_t> offsets_;
  const StringDictionary* dictionary_ = nullptr;  // set: a coded column
  std::shared_ptr<StringTable> table_;            // set: dictionary_ is this shared table
  std::vector<uint32_t> codes_;
};

}  // namespace uw::parquet
