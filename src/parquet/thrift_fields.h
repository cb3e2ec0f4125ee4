// Helpers shared by the metadata parsers (metadata_reader.cpp, page_header_reader.cpp): field
// iteration with generic skipping, required-field tracking and typed field readers that skip a
// known field sent with an unexpected wire type (as Thrift's generated code does).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/error.h"
#include "parquet/metadata.h"
#include "parquet/thrift_compact.h"

namespace uw::parquet::detail {

using thrift::CompactReader;
using thrift::Type;

inline bool IsBool(Type t) { return t == Type::kTrue || t == Type::kFalse; }

// Calls handle(id, type) for every field of the next struct; handle returns false for fields it
// does not consume, which are then skipped.
template <typename Handler>
inline void ForEachField(CompactReader& r, Handler&& handle) {
  r.BeginStruct();
  int16_t id;
  Type type;
  while (r.NextField(id, type)) {
    if (!handle(id, type)) r.Skip(type);
  }
}

// Tracks which required fields of one struct were seen.
class Required {
 public:
  explicit Required(const char* struct_name) : struct_name_(struct_name) {}
  void Saw(int16_t id) { seen_ |= 1ULL << id; }
  void Check(int16_t id, const char* field) const {
    if (!(seen_ & (1ULL << id)))
      Fail(ErrorCode::kCorrupt, "{} is missing required field {}", struct_name_, field);
  }

 private:
  const char* struct_name_;
  uint64_t seen_ = 0;
};

template <typename Enum>
inline bool ReadEnum(CompactReader& r, Type t, Enum& out) {
  if (t != Type::kI32) return false;
  out = static_cast<Enum>(r.ReadI32());
  return true;
}

template <typename Enum>
inline bool ReadEnum(CompactReader& r, Type t, std::optional<Enum>& out) {
  if (t != Type::kI32) return false;
  out = static_cast<Enum>(r.ReadI32());
  return true;
}

inline bool ReadI32(CompactReader& r, Type t, auto& out) {
  if (t != Type::kI32) return false;
  out = r.ReadI32();
  return true;
}

inline bool ReadI64(CompactReader& r, Type t, auto& out) {
  if (t != Type::kI64) return false;
  out = r.ReadI64();
  return true;
}

inline bool ReadString(CompactReader& r, Type t, auto& out) {
  if (t != Type::kBinary) return false;
  out = std::string(r.ReadBinary());
  return true;
}

inline bool ReadOptBool(CompactReader& r, Type t, std::optional<bool>& out) {
  if (!IsBool(t)) return false;
  out = r.ReadBool(t);
  return true;
}

// Reads a list of structs or values, calling read_element for each.
template <typename ReadElement>
inline bool ReadList(CompactReader& r, Type t, Type element_type, ReadElement&& read_element) {
  if (t != Type::kList) return false;
  const auto header = r.ReadListHeader();
  if (header.element_type != element_type) {
    for (uint32_t i = 0; i < header.size; ++i) r.Skip(header.element_type);
    return true;
  }
  for (uint32_t i = 0; i < header.size; ++i) read_element();
  return true;
}

// Statistics appear in ColumnMetaData and in page headers.
Statistics ReadStatistics(CompactReader& r);

}  // namespace uw::parquet::detail
