#include "parquet/column_writer.h"

#include <algorithm>
#include <cstring>
#include <span>

#include "core/error.h"
#include "core/text.h"
#include "parquet/compression.h"
#include "parquet/encoders/dictionary.h"
#include "parquet/encoders/plain.h"
#include "parquet/encoders/rle_bitpacked.h"
#include "parquet/file_schema.h"
#include "parquet/statistics.h"

namespace uw::parquet {
namespace {

// Rows handled between limit checks: small enough that a page or the dictionary overshoots its
// limit by little, large enough that the checks cost nothing.
constexpr size_t kSliceRows = 1024;

template <typename T>
T ValueAt(const ColumnVector& c, size_t row) {
  if constexpr (std::is_same_v<T, uint8_t>)
    return c.bools()[row];
  else if constexpr (std::is_same_v<T, int32_t>)
    return c.int32s()[row];
  else if constexpr (std::is_same_v<T, int64_t>)
    return c.int64s()[row];
  else if constexpr (std::is_same_v<T, double>)
    return c.doubles()[row];
  else
    return c.GetString(row);
}

// The values of a fixed-width column from `row` on.
template <typename T>
const T* ValuesFrom(const ColumnVector& c, size_t row) {
  if constexpr (std::is_same_v<T, uint8_t>)
    return c.bools().data() + row;
  else if constexpr (std::is_same_v<T, int32_t>)
    return c.int32s().data() + row;
  else if constexpr (std::is_same_v<T, int64_t>)
    return c.int64s().data() + row;
  else
    return c.doubles().data() + row;
}

// Whether every byte is below 0x80: most values are ASCII, and checking 8 bytes at a time
// inline costs less than the call into the general validator for such short strings.
bool IsAscii(std::string_view value) {
  uint64_t high = 0;
  size_t i = 0;
  for (; i + 8 <= value.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, value.data() + i, 8);
    high |= word;
  }
  for (; i < value.size(); ++i) high |= static_cast<uint8_t>(value[i]);
  return (high & 0x8080808080808080ULL) == 0;
}

void CheckUtf8(const Field& field, std::string_view value) {
  if (!IsAscii(value) && !core::IsValidUtf8(value))
    Fail(ErrorCode::kInput, "column \"{}\": a value is not valid UTF-8", field.name);
}

// Code -> dictionary index for the coded column being appended. Codes of a StringTable (dense,
// 0..size()-1) of moderate size index a flat array: one load per value instead of a hash probe.
// Only the entries set are reset between chunks, so a chunk costs what it holds, not the size
// of the table. Other dictionaries (an interning pool of unknown extent) use a CodeIndexMap.
class CodeIndex {
 public:
  static constexpr uint32_t kAbsent = CodeIndexMap::kAbsent;
  // Starts over for codes of `source`.
  void Reset(const StringDictionary* source) {
    Clear();
    const auto* table = dynamic_cast<const StringTable*>(source);
    flat_mode_ = table != nullptr && table->size() <= kMaxFlatCodes;
    if (flat_mode_ && flat_.size() < table->size()) flat_.resize(table->size(), kAbsent);
  }
  uint32_t Find(uint32_t code) const {
    if (!flat_mode_) return map_.Find(code);
    return code < flat_.size() ? flat_[code] : kAbsent;  // the table may have grown since
  }
  void Put(uint32_t code, uint32_t index) {
    if (!flat_mode_) return map_.Put(code, index);
    if (code >= flat_.size()) flat_.resize(std::max<size_t>(code + 1, 2 * flat_.size()), kAbsent);
    flat_[code] = index;
    set_.push_back(code);
  }
  void Clear() {
    for (const uint32_t code : set_) flat_[code] = kAbsent;
    set_.clear();
    map_.Clear();
  }

 private:
  static constexpr size_t kMaxFlatCodes = size_t{1} << 20;  // 4 MiB of indices at most
  bool flat_mode_ = false;
  std::vector<uint32_t> flat_;  // kAbsent where unset
  std::vector<uint32_t> set_;   // codes set in flat_
  CodeIndexMap map_;
};

// T: uint8_t (booleans), int32_t, int64_t, double, std::string_view.
template <typename T>
class TypedChunkWriter final : public ColumnChunkWriter {
 public:
  static constexpr bool kIsString = std::is_same_v<T, std::string_view>;
  static constexpr bool kIsBool = std::is_same_v<T, uint8_t>;

  TypedChunkWriter(const Field& field, const ColumnWriterOptions& options)
      : field_(field), options_(options), physical_(PhysicalTypeFor(field.type)) {
    ResetChunk();
  }

  void Append(const ColumnVector& column, size_t begin, size_t end) override {
    while (begin < end) {
      const auto room = static_cast<size_t>(std::max<int64_t>(1, options_.page_rows - page_rows_));
      const size_t n = std::min({end - begin, room, kSliceRows});
      AppendSlice(column, begin, n);
      begin += n;
      if (dictionary_mode_ && FirstValuesDistinct()) DemoteToPlain();
      if (page_rows_ >= options_.page_rows || PageBytes() >= options_.page_bytes) FlushPage();
      if (dictionary_mode_ &&
          (static_cast<int64_t>(dictionary_.plain_bytes()) > options_.dictionary_bytes ||
           MostlyDistinct())) {
        FlushPage();  // the pages so far keep their indices; the rest of the chunk is PLAIN
        dictionary_mode_ = false;
      }
    }
  }

  int64_t buffered_bytes() const override { return uncompressed_bytes_ + PageBytes(); }

  void Seal() override {
    FlushPage();
    dictionary_page_.clear();
    if (dictionary_pages_ > 0) WriteDictionaryPage(dictionary_page_);
  }

  int64_t sealed_bytes() const override {
    int64_t total = static_cast<int64_t>(dictionary_page_.size());
    for (const auto& page : pages_) total += static_cast<int64_t>(page.size());
    return total;
  }

  ColumnChunk Emit(std::string& out, int64_t chunk_offset) override {
    ColumnMetaData meta;
    const size_t start = out.size();
    if (dictionary_pages_ > 0) {
      meta.dictionary_page_offset = chunk_offset;
      out.append(dictionary_page_);
    }
    meta.data_page_offset = chunk_offset + static_cast<int64_t>(out.size() - start);
    for (const auto& page : pages_) out.append(page);
    meta.type = physical_;
    meta.encodings = Encodings();
    meta.path_in_schema = {field_.name};
    meta.codec = options_.codec;
    meta.num_values = num_rows_;
    meta.total_uncompressed_size = uncompressed_bytes_;
    meta.total_compressed_size = static_cast<int64_t>(out.size() - start);
    if (options_.statistics) meta.statistics = statistics_.ToThrift();
    meta.encoding_stats = EncodingStats();
    ColumnChunk chunk;
    chunk.meta_data = std::move(meta);
    ResetChunk();
    return chunk;
  }

 private:
  void ResetChunk() {
    // Keep the page buffers for the next chunk: their memory is already mapped.
    for (auto& page : pages_) spare_pages_.push_back(std::move(page));
    pages_.clear();
    dictionary_.Clear();
    code_indices_.Clear();
    code_source_ = nullptr;
    code_source_owner_.reset();
    dictionary_mode_ = options_.dictionary && !kIsBool;
    dictionary_pages_ = plain_pages_ = 0;
    statistics_.Reset();
    num_rows_ = uncompressed_bytes_ = 0;
    chunk_values_ = 0;
  }

  // After the first full page: a dictionary holding most of the values seen (ids, timestamps)
  // only costs time and bytes, so give up on it early instead of at its size limit.
  bool MostlyDistinct() const {
    constexpr size_t kSampleValues = 8192;
    return dictionary_pages_ == 1 && chunk_values_ >= kSampleValues &&
           dictionary_.size() * 4 > chunk_values_ * 3;
  }

  // Before any dictionary page exists: the first values of the chunk were (nearly) all
  // distinct, as in a key or timestamp column, so the dictionary would only cost time.
  bool FirstValuesDistinct() const {
    constexpr size_t kSampleValues = 1000;
    return dictionary_pages_ == 0 && chunk_values_ >= kSampleValues &&
           chunk_values_ < 2 * kSliceRows && dictionary_.size() * 10 > chunk_values_ * 9;
  }

  // Turns the page being filled from dictionary indices into PLAIN values and drops the
  // dictionary: the chunk is written as if dictionary encoding had never been tried.
  void DemoteToPlain() {
    for (const uint32_t index : indices_) {
      if constexpr (kIsString)
        PlainEncodeByteArray(dictionary_.Get(index), plain_);
      else if constexpr (!kIsBool)
        plain_.append(reinterpret_cast<const char*>(&dictionary_.values()[index]), sizeof(T));
    }
    indices_.clear();
    dictionary_.Clear();
    code_indices_.Clear();
    code_source_ = nullptr;
    code_source_owner_.reset();
    dictionary_mode_ = false;
  }

  void AppendSlice(const ColumnVector& column, size_t row, size_t n) {
    const uint8_t* valid = column.validity().empty() ? nullptr : column.validity().data() + row;
    if (field_.nullable) {
      if (valid)
        def_levels_.insert(def_levels_.end(), valid, valid + n);
      else
        def_levels_.insert(def_levels_.end(), n, 1);
    }
    if constexpr (kIsString) {
      if (dictionary_mode_ && column.dictionary() != nullptr)
        return AppendCodes(column, column.codes().data() + row, valid, n);
      if (!dictionary_mode_ && column.dictionary() == nullptr && valid == nullptr)
        return AppendPlainStrings(column, row, n);
    } else {
      if (!dictionary_mode_ && valid == nullptr) return AppendPlainValues(column, row, n);
    }
    for (size_t i = 0; i < n; ++i) {
      if (valid && !valid[i]) {
        statistics_.AddNulls(1);
        continue;
      }
      const T value = ValueAt<T>(column, row + i);
      statistics_.Add(value);
      if (dictionary_mode_)
        AddIndex(value);
      else
        AddPlain(value);
      ++page_values_;
      ++chunk_values_;
    }
    page_rows_ += static_cast<int64_t>(n);
  }

  // `n` rows, every one with a value, added to the page in one go.
  void CountNonNullRows(size_t n) {
    page_values_ += static_cast<int64_t>(n);
    chunk_values_ += n;
    page_rows_ += static_cast<int64_t>(n);
  }

  // Fixed-width values without nulls in a PLAIN page: copied as one block, and the statistics
  // see only the slice's minimum and maximum, which give them the same bounds (doubles go one
  // by one: NaN and the sign of zero depend on each value).
  void AppendPlainValues(const ColumnVector& column, size_t row, size_t n) {
    const T* values = ValuesFrom<T>(column, row);
    if constexpr (std::is_same_v<T, double>) {
      for (size_t i = 0; i < n; ++i) statistics_.Add(values[i]);
    } else if (n > 0) {
      const auto [min, max] = std::minmax_element(values, values + n);
      statistics_.Add(*min);
      statistics_.Add(*max);
    }
    if constexpr (kIsBool)
      plain_bools_.insert(plain_bools_.end(), values, values + n);
    else
      plain_.append(reinterpret_cast<const char*>(values), n * sizeof(T));
    CountNonNullRows(n);
  }

  // A column's own strings without nulls in a PLAIN page (ids, mostly): the slice's bytes are
  // checked for UTF-8 at once when all ASCII, and encoded into space sized once.
  void AppendPlainStrings(const ColumnVector& column, size_t row, size_t n) {
    const std::span<const uint64_t> offsets = column.offsets().subspan(row, n + 1);
    const std::string_view chars = column.chars();
    const bool ascii = IsAscii(chars.substr(offsets[0], offsets[n] - offsets[0]));
    const size_t start = plain_.size();
    plain_.resize(start + 4 * n + (offsets[n] - offsets[0]));
    char* out = plain_.data() + start;
    for (size_t i = 0; i < n; ++i) {
      const std::string_view value = chars.substr(offsets[i], offsets[i + 1] - offsets[i]);
      if (!ascii) CheckUtf8(field_, value);
      statistics_.Add(value);
      const auto length = static_cast<uint32_t>(value.size());
      std::memcpy(out, &length, 4);
      std::memcpy(out + 4, value.data(), value.size());
      out += 4 + value.size();
    }
    CountNonNullRows(n);
  }

  // A coded column in dictionary mode: each distinct code is looked up, checked and counted in
  // the statistics once per chunk (the minimum and maximum of the distinct values are those of
  // all values); every other value costs one integer probe.
  void AppendCodes(const ColumnVector& column, const uint32_t* codes, const uint8_t* valid,
                   size_t n) {
    const StringDictionary& source = *column.dictionary();
    if (&source != code_source_) {
      code_indices_.Reset(&source);
      code_source_ = &source;
      // A table the column shares must not be freed while code_indices_ remembers its address:
      // a new table there would take its codes' indices.
      code_source_owner_ = column.dictionary_owner();
      // Every entry so far came from this source, whose codes never share a string: a new code
      // is a new entry, no need to hash its bytes to find an equal one.
      unique_source_ = source.UniqueStrings() && dictionary_.size() == 0;
    }
    for (size_t i = 0; i < n; ++i) {
      if (valid && !valid[i]) {
        statistics_.AddNulls(1);
        continue;
      }
      uint32_t index = code_indices_.Find(codes[i]);
      if (index == CodeIndex::kAbsent) {
        const std::string_view value = source.Get(codes[i]);
        const size_t before = dictionary_.size();
        index = unique_source_ ? dictionary_.AddUnique(value) : dictionary_.Insert(value);
        if (dictionary_.size() != before) {
          CheckUtf8(field_, value);
          statistics_.Add(value);
        }
        code_indices_.Put(codes[i], index);
      }
      indices_.push_back(index);
      ++page_values_;
      ++chunk_values_;
    }
    page_rows_ += static_cast<int64_t>(n);
  }

  void AddIndex(T value) {
    unique_source_ = false;
    const size_t before = dictionary_.size();
    indices_.push_back(dictionary_.Insert(value));
    // Only new dictionary entries need the UTF-8 check: repeats were checked the first time.
    if constexpr (kIsString) {
      if (dictionary_.size() != before) CheckUtf8(field_, value);
    }
  }

  void AddPlain(T value) {
    if constexpr (kIsBool) {
      plain_bools_.push_back(value);
    } else if constexpr (kIsString) {
      CheckUtf8(field_, value);
      PlainEncodeByteArray(value, plain_);
    } else {
      plain_.append(reinterpret_cast<const char*>(&value), sizeof(T));
    }
  }

  int64_t PageBytes() const {
    const size_t values =
        dictionary_mode_ ? indices_.size() * 4 : plain_.size() + plain_bools_.size() / 8;
    return static_cast<int64_t>(values + def_levels_.size() / 8);
  }

  void FlushPage() {
    if (page_rows_ == 0) return;
    body_.clear();
    if (field_.nullable) {
      body_.append(4, '\0');  // u32 length of the levels, filled in below (v1 pages need it)
      EncodeRleBitPacked(def_levels_.data(), def_levels_.size(), 1, body_);
      const auto levels = static_cast<uint32_t>(body_.size() - 4);
      std::memcpy(body_.data(), &levels, 4);
    }
    Encoding encoding = Encoding::kPlain;
    if (dictionary_mode_ && page_values_ > 0) {
      encoding = Encoding::kRleDictionary;
      const int width = BitWidth(dictionary_.size() - 1);
      body_.push_back(static_cast<char>(width));
      EncodeRleBitPacked(indices_.data(), indices_.size(), width, body_);
      ++dictionary_pages_;
    } else {
      if constexpr (kIsBool)
        PlainEncodeBools(plain_bools_.data(), plain_bools_.size(), body_);
      else if (body_.empty())
        body_.swap(plain_);  // no levels before the values: the values are the body, uncopied
      else
        body_.append(plain_);
      ++plain_pages_;
    }
    PageHeader header;
    header.type = PageType::kDataPage;
    header.data_page_header.emplace();
    header.data_page_header->num_values = static_cast<int32_t>(page_rows_);
    header.data_page_header->encoding = encoding;
    std::string page;
    if (!spare_pages_.empty()) {
      page = std::move(spare_pages_.back());
      spare_pages_.pop_back();
      page.clear();
    }
    AppendPage(header, body_, page);
    pages_.push_back(std::move(page));
    num_rows_ += page_rows_;
    page_rows_ = page_values_ = 0;
    def_levels_.clear();
    indices_.clear();
    plain_.clear();
    plain_bools_.clear();
  }

  void WriteDictionaryPage(std::string& out) {
    body_.clear();
    if constexpr (!kIsBool) dictionary_.EncodePlain(body_);
    PageHeader header;
    header.type = PageType::kDictionaryPage;
    header.dictionary_page_header.emplace();
    header.dictionary_page_header->num_values = static_cast<int32_t>(dictionary_.size());
    header.dictionary_page_header->encoding = Encoding::kPlain;
    AppendPage(header, body_, out);
  }

  // Compresses `body`, then appends header + body to `out`.
  void AppendPage(PageHeader& header, const std::string& body, std::string& out) {
    // One compression buffer per thread, not per column writer: a writer lives for one file, so
    // a buffer of its own was grown and zero-filled again for every column of every file.
    thread_local std::string compressed;
    const std::string_view stored =
        CompressTo(options_.codec, body, options_.compression_level, compressed);
    header.uncompressed_page_size = static_cast<int32_t>(body.size());
    header.compressed_page_size = static_cast<int32_t>(stored.size());
    const size_t header_start = out.size();
    WritePageHeader(header, out);
    const auto header_bytes = static_cast<int64_t>(out.size() - header_start);
    out.append(stored);
    uncompressed_bytes_ += header_bytes + static_cast<int64_t>(body.size());
  }

  std::vector<Encoding> Encodings() const {
    std::vector<Encoding> encodings;
    if (dictionary_pages_ > 0 || plain_pages_ > 0) encodings.push_back(Encoding::kPlain);
    encodings.push_back(Encoding::kRle);  // definition levels (declared even when absent)
    if (dictionary_pages_ > 0) encodings.push_back(Encoding::kRleDictionary);
    return encodings;
  }

  // Exact counts: parquet-java prunes row groups by dictionary when no page is PLAIN.
  std::vector<PageEncodingStats> EncodingStats() const {
    std::vector<PageEncodingStats> stats;
    if (dictionary_pages_ > 0) {
      stats.push_back({PageType::kDictionaryPage, Encoding::kPlain, 1});
      stats.push_back({PageType::kDataPage, Encoding::kRleDictionary, dictionary_pages_});
    }
    if (plain_pages_ > 0) stats.push_back({PageType::kDataPage, Encoding::kPlain, plain_pages_});
    return stats;
  }

  const Field field_;
  const ColumnWriterOptions options_;
  const PhysicalType physical_;

  // The page being filled.
  std::vector<uint8_t> def_levels_;
  std::vector<uint32_t> indices_;
  std::string plain_;
  std::vector<uint8_t> plain_bools_;
  int64_t page_rows_ = 0;
  int64_t page_values_ = 0;

  // The chunk so far: finished data pages (header + stored body), and once sealed the
  // dictionary page.
  std::vector<std::string> pages_;
  std::vector<std::string> spare_pages_;
  std::string dictionary_page_;
  DictionaryBuilder<std::conditional_t<kIsBool, int32_t, T>> dictionary_;
  CodeIndex code_indices_;  // for coded string columns: code -> dictionary index
  const StringDictionary* code_source_ = nullptr;
  std::shared_ptr<const StringDictionary> code_source_owner_;  // keeps a shared table alive
  bool unique_source_ = false;  // the dictionary holds only strings of a UniqueStrings() source
  bool dictionary_mode_ = false;
  int32_t dictionary_pages_ = 0;
  int32_t plain_pages_ = 0;
  StatisticsCollector<T> statistics_;
  int64_t num_rows_ = 0;
  int64_t uncompressed_bytes_ = 0;
  size_t chunk_values_ = 0;  // non-null values in the chunk

  std::string body_;  // scratch buffer reused across pages
};

}  // namespace

std::unique_ptr<ColumnChunkWriter> ColumnChunkWriter::Make(const Field& field,
                                                           const ColumnWriterOptions& options) {
  if (!IsSupportedCodec(options.codec)) {
    Fail(ErrorCode::kUsage, "compression codec {} is not supported for writing",
         CodecName(options.codec));
  }
  switch (field.type) {
    case ColumnType::kBoolean:
      return std::make_unique<TypedChunkWriter<uint8_t>>(field, options);
    case ColumnType::kInt32:
    case ColumnType::kDate:
      return std::make_unique<TypedChunkWriter<int32_t>>(field, options);
    case ColumnType::kInt64:
    case ColumnType::kTimestamp:
      return std::make_unique<TypedChunkWriter<int64_t>>(field, options);
    case ColumnType::kDouble:
      return std::make_unique<TypedChunkWriter<double>>(field, options);
    case ColumnType::kString:
      return std::make_unique<TypedChunkWriter<std::string_view>>(field, options);
  }
  Fail(ErrorCode::kInternal, "unknown column type");
}

}  // namespace uw::parquet
