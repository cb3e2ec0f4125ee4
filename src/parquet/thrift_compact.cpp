#include "parquet/thrift_compact.h"

#include <cstring>

#include "core/error.h"

namespace uw::parquet::thrift {
namespace {

// Deep enough for every Parquet struct (FileMetaData > RowGroup > ColumnChunk > ColumnMetaData >
// Statistics is five levels); shallow enough that hostile nesting cannot exhaust the stack.
constexpr int kMaxDepth = 32;

uint64_t ZigZag(int64_t n) {
  return (static_cast<uint64_t>(n) << 1) ^ static_cast<uint64_t>(n >> 63);
}
int64_t UnZigZag(uint64_t n) { return static_cast<int64_t>(n >> 1) ^ -static_cast<int64_t>(n & 1); }

}  // namespace

// ---------------------------------------------------------------------------------------------
// Writer

void CompactWriter::Varint(uint64_t value) {
  while (value >= 0x80) {
    out_.push_back(static_cast<char>((value & 0x7F) | 0x80));
    value >>= 7;
  }
  out_.push_back(static_cast<char>(value));
}

void CompactWriter::FieldHeader(int16_t id, Type type) {
  const int delta = id - last_id_;
  if (delta > 0 && delta <= 15) {
    out_.push_back(static_cast<char>((delta << 4) | static_cast<int>(type)));
  } else {
    out_.push_back(static_cast<char>(type));
    Varint(ZigZag(id));
  }
  last_id_ = id;
}

void CompactWriter::BeginStruct() {
  last_ids_.push_back(last_id_);
  last_id_ = 0;
}

void CompactWriter::EndStruct() {
  out_.push_back(0);
  last_id_ = last_ids_.back();
  last_ids_.pop_back();
}

void CompactWriter::FieldBool(int16_t id, bool value) {
  FieldHeader(id, value ? Type::kTrue : Type::kFalse);
}

void CompactWriter::FieldI8(int16_t id, int8_t value) {
  FieldHeader(id, Type::kI8);
  out_.push_back(static_cast<char>(value));  // i8 is one raw byte, no zigzag
}

void CompactWriter::FieldI16(int16_t id, int16_t value) {
  FieldHeader(id, Type::kI16);
  Varint(ZigZag(value));
}

void CompactWriter::FieldI32(int16_t id, int32_t value) {
  FieldHeader(id, Type::kI32);
  Varint(ZigZag(value));
}

void CompactWriter::FieldI64(int16_t id, int64_t value) {
  FieldHeader(id, Type::kI64);
  Varint(ZigZag(value));
}

void CompactWriter::FieldDouble(int16_t id, double value) {
  FieldHeader(id, Type::kDouble);
  char bytes[8];
  std::memcpy(bytes, &value, 8);  // little-endian host (x86-64, aarch64)
  out_.append(bytes, 8);
}

void CompactWriter::FieldBinary(int16_t id, std::string_view value) {
  FieldHeader(id, Type::kBinary);
  Binary(value);
}

void CompactWriter::FieldStruct(int16_t id) {
  FieldHeader(id, Type::kStruct);
  BeginStruct();
}

void CompactWriter::FieldList(int16_t id, Type element_type, size_t size) {
  FieldHeader(id, Type::kList);
  if (size < 15) {
    out_.push_back(static_cast<char>((size << 4) | static_cast<int>(element_type)));
  } else {
    out_.push_back(static_cast<char>(0xF0 | static_cast<int>(element_type)));
    Varint(size);
  }
}

void CompactWriter::I32(int32_t value) { Varint(ZigZag(value)); }
void CompactWriter::I64(int64_t value) { Varint(ZigZag(value)); }

void CompactWriter::Binary(std::string_view value) {
  Varint(value.size());
  out_.append(value);
}

// ---------------------------------------------------------------------------------------------
// Reader

uint8_t CompactReader::Byte() {
  if (pos_ >= bytes_.size())
    Fail(ErrorCode::kCorrupt, "thrift: unexpected end of data at byte {}", pos_);
  return static_cast<uint8_t>(bytes_[pos_++]);
}

uint64_t CompactReader::Varint() {
  uint64_t result = 0;
  for (int shift = 0; shift < 70; shift += 7) {
    const uint8_t b = Byte();
    result |= static_cast<uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) return result;
  }
  Fail(ErrorCode::kCorrupt, "thrift: varint longer than 10 bytes at byte {}", pos_);
}

void CompactReader::EnterNested() {
  if (++depth_ > kMaxDepth) Fail(ErrorCode::kCorrupt, "thrift: nesting deeper than {}", kMaxDepth);
}

void CompactReader::BeginStruct() {
  EnterNested();
  last_ids_.push_back(last_id_);
  last_id_ = 0;
}

bool CompactReader::NextField(int16_t& id, Type& type) {
  const uint8_t header = Byte();
  if (header == 0) {
    if (last_ids_.empty()) Fail(ErrorCode::kCorrupt, "thrift: stop byte outside a struct");
    last_id_ = last_ids_.back();
    last_ids_.pop_back();
    --depth_;
    return false;
  }
  const uint8_t type_nibble = header & 0x0F;
  if (type_nibble > static_cast<uint8_t>(Type::kStruct)) {
    Fail(ErrorCode::kCorrupt, "thrift: invalid field type {} at byte {}", type_nibble, pos_ - 1);
  }
  type = static_cast<Type>(type_nibble);
  const int delta = header >> 4;
  if (delta != 0) {
    id = static_cast<int16_t>(last_id_ + delta);
  } else {
    const int64_t long_id = UnZigZag(Varint());
    if (long_id < INT16_MIN || long_id > INT16_MAX)
      Fail(ErrorCode::kCorrupt, "thrift: field id out of range");
    id = static_cast<int16_t>(long_id);
  }
  last_id_ = id;
  return true;
}

bool CompactReader::ReadBool(Type field_type) {
  if (field_type == Type::kTrue) return true;
  if (field_type == Type::kFalse) return false;
  Fail(ErrorCode::kCorrupt, "thrift: expected a bool at byte {}", pos_);
}

bool CompactReader::ReadBoolElement() { return Byte() == 1; }

int8_t CompactReader::ReadI8() { return static_cast<int8_t>(Byte()); }

int16_t CompactReader::ReadI16() {
  const int64_t v = UnZigZag(Varint());
  if (v < INT16_MIN || v > INT16_MAX)
    Fail(ErrorCode::kCorrupt, "thrift: i16 out of range at byte {}", pos_);
  return static_cast<int16_t>(v);
}

int32_t CompactReader::ReadI32() {
  const int64_t v = UnZigZag(Varint());
  if (v < INT32_MIN || v > INT32_MAX)
    Fail(ErrorCode::kCorrupt, "thrift: i32 out of range at byte {}", pos_);
  return static_cast<int32_t>(v);
}

int64_t CompactReader::ReadI64() { return UnZigZag(Varint()); }

double CompactReader::ReadDouble() {
  if (bytes_.size() - pos_ < 8)
    Fail(ErrorCode::kCorrupt, "thrift: truncated double at byte {}", pos_);
  double value;
  std::memcpy(&value, bytes_.data() + pos_, 8);
  pos_ += 8;
  return value;
}

std::string_view CompactReader::ReadBinary() {
  const uint64_t size = Varint();
  if (size > bytes_.size() - pos_) {
    Fail(ErrorCode::kCorrupt, "thrift: binary of {} bytes overruns the data at byte {}", size,
         pos_);
  }
  const std::string_view value = bytes_.substr(pos_, size);
  pos_ += size;
  return value;
}

ListHeader CompactReader::ReadListHeader() {
  const uint8_t header = Byte();
  uint64_t size = header >> 4;
  if (size == 15) size = Varint();
  const uint8_t element = header & 0x0F;
  if (element > static_cast<uint8_t>(Type::kStruct)) {
    Fail(ErrorCode::kCorrupt, "thrift: invalid list element type {}", element);
  }
  // Every element takes at least one byte, so a larger count is a lie that must not size a
  // vector.
  if (size > bytes_.size() - pos_) {
    Fail(ErrorCode::kCorrupt, "thrift: list of {} elements overruns the data at byte {}", size,
         pos_);
  }
  return {static_cast<Type>(element), static_cast<uint32_t>(size)};
}

void CompactReader::Skip(Type type) {
  switch (type) {
    case Type::kTrue:
    case Type::kFalse:
      return;  // a bool field has no payload (list elements are handled below)
    case Type::kI8:
      Byte();
      return;
    case Type::kI16:
    case Type::kI32:
    case Type::kI64:
      Varint();
      return;
    case Type::kDouble:
      ReadDouble();
      return;
    case Type::kBinary:
      ReadBinary();
      return;
    case Type::kList:
    case Type::kSet: {
      EnterNested();
      const ListHeader list = ReadListHeader();
      for (uint32_t i = 0; i < list.size; ++i) {
        if (list.element_type == Type::kTrue || list.element_type == Type::kFalse) {
          Byte();
        } else {
          Skip(list.element_type);
        }
      }
      --depth_;
      return;
    }
    case Type::kMap: {
      EnterNested();
      const uint64_t size = Varint();
      if (size > bytes_.size() - pos_) Fail(ErrorCode::kCorrupt, "thrift: map overruns the data");
      if (size > 0) {
        const uint8_t kinds = Byte();
        const auto key = static_cast<Type>(kinds >> 4);
        const auto value = static_cast<Type>(kinds & 0x0F);
        if ((kinds >> 4) > 12 || (kinds & 0x0F) > 12)
          Fail(ErrorCode::kCorrupt, "thrift: invalid map types");
        for (uint64_t i = 0; i < size; ++i) {
          if (key == Type::kTrue || key == Type::kFalse)
            Byte();
          else
            Skip(key);
          if (value == Type::kTrue || value == Type::kFalse)
            Byte();
          else
            Skip(value);
        }
      }
      --depth_;
      return;
    }
    case Type::kStruct: {
      BeginStruct();
      int16_t id;
      Type field_type;
      while (NextField(id, field_type)) Skip(field_type);
      return;
    }
    case Type::kStop:
      break;
  }
  Fail(ErrorCode::kCorrupt, "thrift: cannot skip a value of type {}", static_cast<int>(type));
}

}  // namespace uw::parquet::thrift
