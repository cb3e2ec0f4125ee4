// StringTable: a StringDictionary that owns its strings, for coded string columns whose values
// belong to no outside pool: the dictionary page of a column chunk the reader decodes as codes
// (column_reader.h), and the union of several dictionaries when coded columns of different files
// are appended into one (ColumnVector::AppendRange). Codes are dense, 0..size()-1, and code 0 is
// always "": the placeholder code of a null row reads as the empty string, as it does in a column
// of bytes.
// Append-only: a code keeps its string for the life of the table, so the columns holding its
// codes stay valid while it grows. Columns share a table through shared_ptr, and only a column
// that holds it alone adds to it (column_vector.h).
// Get() is thread safe while nothing is added; adding is not thread safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parquet/string_dictionary.h"

namespace uw::parquet {

class StringTable final : public StringDictionary {
 public:
  StringTable() { Add(""); }

  std::string_view Get(uint32_t code) const override {
    return {chars_.data() + offsets_[code], offsets_[code + 1] - offsets_[code]};
  }
  size_t size() const { return offsets_.size() - 1; }
  // Known once the table is indexed (built by Intern), as long as it is not given a duplicate
  // by Add.
  bool UniqueStrings() const override { return unique_ && !unindexed_; }

  // Adds `value` under a new code, even when an equal string has one already (the entries of a
  // dictionary page keep their positions as codes).
  uint32_t Add(std::string_view value);
  // The code of a string equal to `value`, added when there is none. The first call builds a
  // hash index of the strings so far; tables that are only read never pay for it.
  uint32_t Intern(std::string_view value);
  // codes[i] = Intern(values[i]) for each i, in order (so new strings get the same codes), with
  // the index slots and strings of the next values fetched ahead: interning another file's
  // dictionary into a large table otherwise waits on a cache miss or three per value.
  void InternMany(std::span<const std::string_view> values, uint32_t* codes);
  void Reserve(size_t strings, size_t bytes);

 private:
  // The slot holding a string equal to `value` (32-bit hash `hash`), or the empty slot where
  // it belongs.
  uint64_t* Probe(std::string_view value, uint32_t hash);
  void EnsureIndex();
  uint32_t InternHashed(std::string_view value, uint32_t hash);
  uint32_t Append(std::string_view value);  // a new code, not indexed
  void IndexCode(uint32_t code);
  void Occupy(uint64_t& slot, uint32_t hash, uint32_t code);
  void GrowIndex();

  std::string chars_;
  std::vector<uint64_t> offsets_{0};
  // Open addressing, empty until the first Intern: a slot holds the string's hash in its high
  // half (compared before the bytes, and where rehashing finds it) and code + 1 in its low half;
  // 0 is empty.
  std::vector<uint64_t> slots_;
  size_t indexed_ = 0;      // codes in the index
  bool unique_ = true;      // no duplicate found by the index
  bool unindexed_ = false;  // strings were added before the index existed
};

}  // namespace uw::parquet
