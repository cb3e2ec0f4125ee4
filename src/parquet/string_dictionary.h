// StringDictionary: strings addressed by 32-bit codes, owned outside any column (silver's pool
// of interned text). A string ColumnVector can hold codes into one instead of copies of the
// bytes, so a million plays naming a few thousand tracks carry 4 bytes per value, and the writer
// encodes, checks and takes statistics of each distinct code once per column chunk instead of
// hashing and comparing every value.
#pragma once

#include <cstdint>
#include <string_view>

namespace uw::parquet {

class StringDictionary {
 public:
  virtual ~StringDictionary() = default;
  // The string of `code`; valid for as long as the dictionary. Thread safe.
  virtual std::string_view Get(uint32_t code) const = 0;
  // True when no two codes hold equal strings, now and later (an interning pool): the writer
  // then takes each new code as a new dictionary entry without hashing its bytes.
  virtual bool UniqueStrings() const { return false; }
};

}  // namespace uw::parquet
