// The Thrift compact protocol (apache/thrift doc/specs/thrift-compact-protocol.md), the encoding
// of all Parquet metadata. This is the one boundary between Thrift and the rest of the library:
// metadata_reader.cpp / metadata_writer.cpp map the Parquet structs onto these primitives.
//
// CompactWriter appends to a caller-owned string. CompactReader decodes untrusted bytes: every
// length and count is checked against the remaining input, nesting is limited, and unknown
// fields are skipped generically. Both throw Error(kCorrupt) with a short reason; callers add
// the file and structure context. Neither is thread safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace uw::parquet::thrift {

// Type nibbles of field headers and list headers.
enum class Type : uint8_t {
  kStop = 0,
  kTrue = 1,  // also "bool" as a list element type
  kFalse = 2,
  kI8 = 3,
  kI16 = 4,
  kI32 = 5,
  kI64 = 6,
  kDouble = 7,
  kBinary = 8,
  kList = 9,
  kSet = 10,
  kMap = 11,
  kStruct = 12,
};

class CompactWriter {
 public:
  explicit CompactWriter(std::string& out) : out_(out) {}

  // Structs: BeginStruct for the outermost one (or a list element), FieldStruct for a field.
  void BeginStruct();
  void EndStruct();

  void FieldBool(int16_t id, bool value);
  void FieldI8(int16_t id, int8_t value);
  void FieldI16(int16_t id, int16_t value);
  void FieldI32(int16_t id, int32_t value);
  void FieldI64(int16_t id, int64_t value);
  void FieldDouble(int16_t id, double value);
  void FieldBinary(int16_t id, std::string_view value);
  void FieldStruct(int16_t id);  // followed by the nested fields and EndStruct()
  void FieldList(int16_t id, Type element_type, size_t size);  // followed by `size` elements

  // List elements (no field header).
  void I32(int32_t value);
  void I64(int64_t value);
  void Binary(std::string_view value);

 private:
  void FieldHeader(int16_t id, Type type);
  void Varint(uint64_t value);
  std::string& out_;
  std::vector<int16_t> last_ids_;
  int16_t last_id_ = 0;
};

struct ListHeader {
  Type element_type;
  uint32_t size;
};

class CompactReader {
 public:
  explicit CompactReader(std::string_view bytes) : bytes_(bytes) {}

  size_t position() const { return pos_; }

  // Enters a struct (the outermost one, a struct field or a struct list element).
  void BeginStruct();
  // The next field of the current struct; returns false (and leaves the struct) at its stop byte.
  bool NextField(int16_t& id, Type& type);

  // Value readers. A bool field's value lives in its type nibble, so ReadBool takes that type;
  // bool list elements are one byte each (1 = true; Java and C++ write 2 for false, the spec 0).
  bool ReadBool(Type field_type);
  bool ReadBoolElement();
  int8_t ReadI8();
  int16_t ReadI16();
  int32_t ReadI32();
  int64_t ReadI64();
  double ReadDouble();
  std::string_view ReadBinary();
  // A list or set header; the size is checked against the remaining bytes.
  ListHeader ReadListHeader();

  // Skips one value of `type`, recursing into containers (depth-limited).
  void Skip(Type type);

 private:
  uint64_t Varint();
  uint8_t Byte();
  void EnterNested();
  std::string_view bytes_;
  size_t pos_ = 0;
  std::vector<int16_t> last_ids_;
  int16_t last_id_ = 0;
  int depth_ = 0;
};

}  // namespace uw::parquet::thrift
