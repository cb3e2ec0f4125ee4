#include "parquet/column_reader.h"

#include <algorithm>
#include <cstring>
#include <memory>

#include "core/civil_time.h"
#include "core/error.h"
#include "parquet/encoders/delta.h"
#include "parquet/encoders/plain.h"
#include "parquet/encoders/rle_bitpacked.h"
#include "parquet/page_reader.h"

namespace uw::parquet {
namespace {

constexpr int64_t kJulianDayOfEpoch = 2440588;  // 1970-01-01 (tech.md §1.12)
constexpr int64_t kMicrosPerDay = 86'400'000'000;
constexpr int64_t kMaxDaysFromEpoch = 106'000'000;  // about the range of int64 microseconds

int64_t Int96ToMicros(std::string_view bytes) {
  int64_t nanos_of_day;
  int32_t julian_day;
  std::memcpy(&nanos_of_day, bytes.data(), 8);
  std::memcpy(&julian_day, bytes.data() + 8, 4);
  const int64_t days = julian_day - kJulianDayOfEpoch;
  if (days < -kMaxDaysFromEpoch || days > kMaxDaysFromEpoch) {
    Fail(ErrorCode::kCorrupt, "INT96 timestamp with Julian day {} is out of range", julian_day);
  }
  return days * kMicrosPerDay + core::FloorDiv(nanos_of_day, 1000);
}

void ConvertTimestamps(Conversion conversion, int64_t* values, size_t count) {
  if (conversion == Conversion::kMillisToMicros) {
    for (size_t i = 0; i < count; ++i) {
      if (__builtin_mul_overflow(values[i], 1000, &values[i])) {
        Fail(ErrorCode::kCorrupt, "millisecond timestamp out of the microsecond range");
      }
    }
  } else if (conversion == Conversion::kNanosToMicros) {
    for (size_t i = 0; i < count; ++i) values[i] = core::FloorDiv(values[i], 1000);
  }
}

// PLAIN-decodes `count` stored values of the leaf's physical type into our value type T,
// applying the leaf's conversion.
template <typename T>
void DecodePhysical(const LeafColumn& leaf, PlainDecoder& d, size_t count, T* out) {
  if constexpr (std::is_same_v<T, uint8_t>) {
    d.DecodeBools(out, count);
  } else if constexpr (std::is_same_v<T, int32_t>) {
    d.DecodeFixed(out, count);
  } else if constexpr (std::is_same_v<T, int64_t>) {
    if (leaf.physical == PhysicalType::kInt96) {
      std::vector<std::string_view> raw(count);
      d.DecodeFixedByteArrays(raw.data(), count, 12);
      for (size_t i = 0; i < count; ++i) out[i] = Int96ToMicros(raw[i]);
    } else if (leaf.physical == PhysicalType::kInt32) {  // UINT_32
      std::vector<uint32_t> raw(count);
      d.DecodeFixed(raw.data(), count);
      std::copy(raw.begin(), raw.end(), out);
    } else {
      d.DecodeFixed(out, count);
      ConvertTimestamps(leaf.conversion, out, count);
    }
  } else if constexpr (std::is_same_v<T, double>) {
    if (leaf.physical == PhysicalType::kFloat) {
      std::vector<float> raw(count);
      d.DecodeFixed(raw.data(), count);
      std::copy(raw.begin(), raw.end(), out);
    } else {
      d.DecodeFixed(out, count);
    }
  } else {
    d.DecodeByteArrays(out, count);
  }
}

size_t PhysicalWidth(PhysicalType type) {
  switch (type) {
    case PhysicalType::kInt32:
    case PhysicalType::kFloat:
      return 4;
    case PhysicalType::kInt64:
    case PhysicalType::kDouble:
      return 8;
    case PhysicalType::kInt96:
      return 12;
    default:
      return 0;
  }
}

// T: uint8_t (booleans), int32_t, int64_t, double, std::string_view.
template <typename T>
class ChunkDecoder {
 public:
  static constexpr bool kIsString = std::is_same_v<T, std::string_view>;

  ChunkDecoder(const LeafColumn& leaf, const ColumnMetaData& meta, const ReaderOptions& options,
               ColumnVector& out)
      : leaf_(leaf), meta_(meta), options_(options), out_(out) {}

  void Run(std::string_view chunk, int64_t num_rows) {
    PageReader pages(chunk, meta_.codec, leaf_.nullable, options_.max_page_bytes);
    Page page;
    int64_t rows = 0;
    while (rows < num_rows) {
      if (!pages.Next(page))
        Fail(ErrorCode::kCorrupt, "the column chunk ends after {} of {} rows", rows, num_rows);
      try {
        if (page.type == PageType::kDictionaryPage) {
          ReadDictionary(page, rows);
        } else {
          if (page.num_values < 0 || page.num_values > num_rows - rows) {
            Fail(ErrorCode::kCorrupt, "num_values {} exceeds the {} rows left in the row group",
                 page.num_values, num_rows - rows);
          }
          ReadDataPage(page);
          rows += page.num_values;
        }
      } catch (const Error& e) {
        throw Error(e.code(), fmt::format("page {}: {}", pages.page_index(), e.what()));
      }
    }
  }

 private:
  void ReadDictionary(const Page& page, int64_t rows) {
    if (has_dictionary_ || rows > 0)
      Fail(ErrorCode::kCorrupt, "a dictionary page after the first page");
    if (page.encoding != Encoding::kPlain && page.encoding != Encoding::kPlainDictionary) {
      Fail(ErrorCode::kCorrupt, "dictionary page encoded as {}", EncodingName(page.encoding));
    }
    const size_t width = kIsString ? 4 : std::max<size_t>(1, PhysicalWidth(leaf_.physical));
    if (page.num_values < 0 || static_cast<size_t>(page.num_values) > page.values.size() / width) {
      Fail(ErrorCode::kCorrupt, "dictionary of {} entries in {} bytes", page.num_values,
           page.values.size());
    }
    dictionary_.resize(static_cast<size_t>(page.num_values));
    PlainDecoder d(page.values);
    DecodePhysical(leaf_, d, dictionary_.size(), dictionary_.data());
    if constexpr (kIsString) KeepStrings();
    has_dictionary_ = true;
  }

  // The page buffer is reused for the next page: the entries move into storage of our own, a
  // StringTable the column will share when it is decoded as codes (entry i is code i + 1).
  void KeepStrings() {
    size_t total = 0;
    for (auto v : dictionary_) total += v.size();
    if (options_.coded_strings) {
      table_ = std::make_shared<StringTable>();
      table_->Reserve(dictionary_.size(), total);
      for (const auto v : dictionary_) table_->Add(v);
      for (size_t i = 0; i < dictionary_.size(); ++i)
        dictionary_[i] = table_->Get(static_cast<uint32_t>(i + 1));
      return;
    }
    dictionary_arena_.clear();
    dictionary_arena_.reserve(total);
    for (auto& v : dictionary_) {
      const size_t at = dictionary_arena_.size();
      dictionary_arena_.append(v);
      v = std::string_view(dictionary_arena_).substr(at, v.size());
    }
  }

  void ReadDataPage(const Page& page) {
    const auto n = static_cast<size_t>(page.num_values);
    const uint8_t* valid = nullptr;
    size_t present = n;
    if (leaf_.nullable) {
      levels_.resize(n);
      RleBitPackedDecoder(page.def_levels, 1).Decode(levels_.data(), n);
      present = 0;
      for (size_t i = 0; i < n; ++i) {
        if (levels_[i] > 1)
          Fail(ErrorCode::kCorrupt, "definition level {} in a flat column", levels_[i]);
        present += levels_[i];
      }
      if (present != n) valid = levels_.data();
    }
    if constexpr (kIsString) {
      const bool indices =
          page.encoding == Encoding::kPlainDictionary || page.encoding == Encoding::kRleDictionary;
      if (table_ && indices) {
        DecodeIndexValues(page.values, present);
        for (size_t i = 0; i < present; ++i) ++indices_[i];  // entry i is code i + 1
        return out_.AppendCodes(table_, indices_.data(), valid, n);
      }
    }
    values_.resize(present);
    DecodeValues(page.encoding, page.values, present);
    if constexpr (std::is_same_v<T, uint8_t>)
      out_.AppendBools(values_.data(), valid, n);
    else if constexpr (std::is_same_v<T, int32_t>)
      out_.AppendInt32s(values_.data(), valid, n);
    else if constexpr (std::is_same_v<T, int64_t>)
      out_.AppendInt64s(values_.data(), valid, n);
    else if constexpr (std::is_same_v<T, double>)
      out_.AppendDoubles(values_.data(), valid, n);
    else
      out_.AppendStrings(values_.data(), valid, n);
  }

  void DecodeValues(Encoding encoding, std::string_view data, size_t count) {
    switch (encoding) {
      case Encoding::kPlain: {
        PlainDecoder d(data);
        return DecodePhysical(leaf_, d, count, values_.data());
      }
      case Encoding::kPlainDictionary:
      case Encoding::kRleDictionary:
        return DecodeIndices(data, count);
      case Encoding::kRle:
        if constexpr (std::is_same_v<T, uint8_t>) return DecodeRleBooleans(data, count);
        break;
      case Encoding::kDeltaBinaryPacked:
        if (leaf_.physical == PhysicalType::kInt32 || leaf_.physical == PhysicalType::kInt64) {
          return DecodeDeltaInts(data, count);
        }
        break;
      case Encoding::kDeltaLengthByteArray:
        if constexpr (kIsString)
          return (void)DecodeDeltaLengthByteArray(data, count, values_.data());
        break;
      case Encoding::kDeltaByteArray:
        if constexpr (kIsString) {
          return DecodeDeltaByteArray(data, count, static_cast<size_t>(options_.max_page_bytes),
                                      arena_, values_.data());
        }
        break;
      case Encoding::kByteStreamSplit:
        if (const size_t width = PhysicalWidth(leaf_.physical); width == 4 || width == 8) {
          arena_.resize(count * width);
          DecodeByteStreamSplit(data, count, width, arena_.data());
          PlainDecoder d(arena_);
          return DecodePhysical(leaf_, d, count, values_.data());
        }
        break;
      default:
        break;
    }
    Fail(ErrorCode::kInput, "encoding {} is not supported for {} columns", EncodingName(encoding),
         PhysicalTypeName(leaf_.physical));
  }

  void DecodeIndices(std::string_view data, size_t count) {
    DecodeIndexValues(data, count);
    for (size_t i = 0; i < count; ++i) values_[i] = dictionary_[indices_[i]];
  }

  // Fills indices_ with `count` checked dictionary indices.
  void DecodeIndexValues(std::string_view data, size_t count) {
    if (!has_dictionary_)
      Fail(ErrorCode::kCorrupt, "dictionary-encoded page without a dictionary page");
    indices_.resize(count);
    if (count == 0) return;
    if (data.empty()) Fail(ErrorCode::kCorrupt, "dictionary indices missing");
    const int width = static_cast<uint8_t>(data[0]);
    RleBitPackedDecoder(data.substr(1), width).Decode(indices_.data(), count);
    const size_t size = dictionary_.size();
    for (size_t i = 0; i < count; ++i) {
      if (indices_[i] >= size)
        Fail(ErrorCode::kCorrupt, "dictionary index {} out of {} entries", indices_[i], size);
    }
  }

  void DecodeRleBooleans(std::string_view data, size_t count) {
    uint32_t length = 0;  // RLE booleans carry a u32 length prefix (Encodings.md)
    if (data.size() < 4) Fail(ErrorCode::kCorrupt, "RLE booleans without a length");
    std::memcpy(&length, data.data(), 4);
    if (length > data.size() - 4)
      Fail(ErrorCode::kCorrupt, "RLE booleans of {} bytes overrun the page", length);
    RleBitPackedDecoder(data.substr(4, length), 1)
        .Decode(reinterpret_cast<uint8_t*>(values_.data()), count);
    for (size_t i = 0; i < count; ++i) {
      if (reinterpret_cast<uint8_t*>(values_.data())[i] > 1)
        Fail(ErrorCode::kCorrupt, "RLE boolean above 1");
    }
  }

  // DELTA_BINARY_PACKED decodes to int64; re-encode as PLAIN of the physical width so the one
  // conversion path (DecodePhysical) applies.
  void DecodeDeltaInts(std::string_view data, size_t count) {
    std::vector<int64_t> wide(count);
    DecodeDeltaBinaryPacked(data, count, wide.data());
    arena_.clear();
    if (leaf_.physical == PhysicalType::kInt32) {
      for (int64_t v : wide) {
        const auto narrow = static_cast<int32_t>(v);
        arena_.append(reinterpret_cast<const char*>(&narrow), 4);
      }
    } else {
      arena_.append(reinterpret_cast<const char*>(wide.data()), count * 8);
    }
    PlainDecoder d(arena_);
    DecodePhysical(leaf_, d, count, values_.data());
  }

  const LeafColumn& leaf_;
  const ColumnMetaData& meta_;
  const ReaderOptions& options_;
  ColumnVector& out_;
  bool has_dictionary_ = false;
  std::vector<T> dictionary_;
  std::string dictionary_arena_;
  std::shared_ptr<StringTable> table_;  // strings decoded as codes: the dictionary's entries
  std::vector<uint8_t> levels_;
  std::vector<uint32_t> indices_;
  std::vector<T> values_;
  std::string arena_;
};

}  // namespace

void DecodeColumnChunk(std::string_view chunk, const ColumnMetaData& meta, const LeafColumn& leaf,
                       int64_t num_rows, const ReaderOptions& options, ColumnVector& out) {
  out.Reserve(static_cast<size_t>(num_rows));
  switch (*leaf.type) {
    case ColumnType::kBoolean:
      return ChunkDecoder<uint8_t>(leaf, meta, options, out).Run(chunk, num_rows);
    case ColumnType::kInt32:
    case ColumnType::kDate:
      return ChunkDecoder<int32_t>(leaf, meta, options, out).Run(chunk, num_rows);
    case ColumnType::kInt64:
    case ColumnType::kTimestamp:
      return ChunkDecoder<int64_t>(leaf, meta, options, out).Run(chunk, num_rows);
    case ColumnType::kDouble:
      return ChunkDecoder<double>(leaf, meta, options, out).Run(chunk, num_rows);
    case ColumnType::kString:
      return ChunkDecoder<std::string_view>(leaf, meta, options, out).Run(chunk, num_rows);
  }
}

}  // namespace uw::parquet
