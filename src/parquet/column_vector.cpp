#include "parquet/column_vector.h"

#include <algorithm>

#include "core/error.h"
#include "parquet/encoders/dictionary.h"

namespace uw::parquet {
namespace {

// Codes of `source` to codes of `target`, each distinct one interned once. A StringTable source
// not much larger than the rows to recode gets a flat array, anything else a hash map.
class Recoder {
 public:
  Recoder(const StringDictionary& source, StringTable& target, size_t rows)
      : source_(source), target_(target) {
    const auto* table = dynamic_cast<const StringTable*>(&source);
    if (table != nullptr && table->size() <= 4 * rows) flat_.assign(table->size(), kAbsent);
  }
  // Interns, in order of first appearance, the codes among `codes` (rows whose `valid` byte is
  // 0 skipped; nullptr: all valid) not seen yet, all in one batch, when the flat array applies;
  // operator() then finds them. Same codes as interning them one by one on first sight.
  void Prepare(const uint32_t* codes, const uint8_t* valid, size_t count) {
    if (flat_.empty()) return;
    std::vector<uint32_t> first;
    std::vector<std::string_view> values;
    for (size_t i = 0; i < count; ++i) {
      if (valid != nullptr && valid[i] == 0) continue;
      uint32_t& own = flat_[codes[i]];
      if (own != kAbsent) continue;
      own = kPending;
      first.push_back(codes[i]);
      values.push_back(source_.Get(codes[i]));
    }
    std::vector<uint32_t> interned(first.size());
    target_.InternMany(values, interned.data());
    for (size_t k = 0; k < first.size(); ++k) flat_[first[k]] = interned[k];
  }
  uint32_t operator()(uint32_t code) {
    if (!flat_.empty()) {
      uint32_t& own = flat_[code];
      if (own == kAbsent) own = target_.Intern(source_.Get(code));
      return own;
    }
    uint32_t own = map_.Find(code);
    if (own == kAbsent) {
      own = target_.Intern(source_.Get(code));
      map_.Put(code, own);
    }
    return own;
  }

 private:
  static constexpr uint32_t kAbsent = CodeIndexMap::kAbsent;
  static constexpr uint32_t kPending = kAbsent - 1;  // in Prepare's batch, not interned yet
  const StringDictionary& source_;
  StringTable& target_;
  std::vector<uint32_t> flat_;
  CodeIndexMap map_;
};

}  // namespace

ColumnVector::ColumnVector(ColumnType type) : type_(type) {
  if (type_ == ColumnType::kString) offsets_.push_back(0);
}

void ColumnVector::MarkValid(size_t count) {
  if (null_count_ != 0) valid_.insert(valid_.end(), count, 1);
  size_ += count;
}

void ColumnVector::AppendNull() {
  if (null_count_ == 0) valid_.assign(size_, 1);  // first null: materialise validity
  valid_.push_back(0);
  ++null_count_;
  ++size_;
  switch (type_) {
    case ColumnType::kBoolean:
      bools_.push_back(0);
      break;
    case ColumnType::kInt32:
    case ColumnType::kDate:
      int32s_.push_back(0);
      break;
    case ColumnType::kInt64:
    case ColumnType::kTimestamp:
      int64s_.push_back(0);
      break;
    case ColumnType::kDouble:
      doubles_.push_back(0);
      break;
    case ColumnType::kString:
      if (dictionary_ != nullptr)
        codes_.push_back(0);
      else
        offsets_.push_back(chars_.size());
      break;
  }
}

void ColumnVector::AppendNulls(size_t count) {
  if (count == 0) return;
  if (null_count_ == 0) valid_.assign(size_, 1);
  valid_.insert(valid_.end(), count, 0);
  null_count_ += count;
  size_ += count;
  switch (type_) {
    case ColumnType::kBoolean:
      bools_.resize(bools_.size() + count, 0);
      break;
    case ColumnType::kInt32:
    case ColumnType::kDate:
      int32s_.resize(int32s_.size() + count, 0);
      break;
    case ColumnType::kInt64:
    case ColumnType::kTimestamp:
      int64s_.resize(int64s_.size() + count, 0);
      break;
    case ColumnType::kDouble:
      doubles_.resize(doubles_.size() + count, 0);
      break;
    case ColumnType::kString:
      if (dictionary_ != nullptr)
        codes_.resize(codes_.size() + count, 0);
      else
        offsets_.resize(offsets_.size() + count, chars_.size());
      break;
  }
}

void ColumnVector::AppendBool(bool value) {
  bools_.push_back(value ? 1 : 0);
  MarkValid(1);
}

void ColumnVector::AppendInt32(int32_t value) {
  int32s_.push_back(value);
  MarkValid(1);
}

void ColumnVector::AppendInt64(int64_t value) {
  int64s_.push_back(value);
  MarkValid(1);
}

void ColumnVector::AppendDouble(double value) {
  doubles_.push_back(value);
  MarkValid(1);
}

void ColumnVector::AppendString(std::string_view value) {
  if (dictionary_ != nullptr) Decode();
  chars_.append(value);
  offsets_.push_back(chars_.size());
  MarkValid(1);
}

void ColumnVector::AppendCode(const StringDictionary& dictionary, uint32_t code) {
  if (dictionary_ == nullptr && null_count_ == size_) BecomeCoded(dictionary, nullptr);
  if (dictionary_ != &dictionary) return AppendString(dictionary.Get(code));
  codes_.push_back(code);
  MarkValid(1);
}

void ColumnVector::BecomeCoded(const StringDictionary& dictionary,
                               std::shared_ptr<StringTable> table) {
  if (type_ != ColumnType::kString)
    Fail(ErrorCode::kInternal, "AppendCode on a column that does not hold strings");
  dictionary_ = &dictionary;
  table_ = std::move(table);
  // Reserve() sized the offsets for the rows to come: the codes take that room instead.
  codes_.reserve(std::max(offsets_.capacity(), size_));
  codes_.assign(size_, 0);  // every row so far is null
  std::string().swap(chars_);
  std::vector<uint64_t>().swap(offsets_);
}

// Back to own bytes, so strings from anywhere can follow (mixing is rare: only a column that
// gets both codes and plain strings pays for it).
void ColumnVector::Decode() {
  const StringDictionary& dictionary = *dictionary_;
  offsets_.assign(1, 0);
  for (size_t row = 0; row < size_; ++row) {
    if (!IsNull(row)) chars_.append(dictionary.Get(codes_[row]));
    offsets_.push_back(chars_.size());
  }
  std::vector<uint32_t>().swap(codes_);
  dictionary_ = nullptr;
  table_.reset();
}

void ColumnVector::AppendFrom(const ColumnVector& other, size_t row) {
  if (other.type_ != type_) Fail(ErrorCode::kInternal, "AppendFrom between different column types");
  if (other.IsNull(row)) return AppendNull();
  switch (type_) {
    case ColumnType::kBoolean:
      return AppendBool(other.GetBool(row));
    case ColumnType::kInt32:
    case ColumnType::kDate:
      return AppendInt32(other.GetInt32(row));
    case ColumnType::kInt64:
    case ColumnType::kTimestamp:
      return AppendInt64(other.GetInt64(row));
    case ColumnType::kDouble:
      return AppendDouble(other.GetDouble(row));
    case ColumnType::kString:
      if (other.dictionary_ == nullptr) return AppendString(other.GetString(row));
      if (dictionary_ == nullptr && null_count_ == size_)
        BecomeCoded(*other.dictionary_, other.table_);
      return AppendCode(*other.dictionary_, other.codes_[row]);
  }
}

void ColumnVector::AppendRange(const ColumnVector& other, size_t begin, size_t end) {
  if (other.type_ != type_)
    Fail(ErrorCode::kInternal, "AppendRange between different column types");
  const auto append = [&](auto& dst, const auto& src) {
    dst.insert(dst.end(), src.begin() + begin, src.begin() + end);
  };
  switch (type_) {
    case ColumnType::kBoolean:
      append(bools_, other.bools_);
      break;
    case ColumnType::kInt32:
    case ColumnType::kDate:
      append(int32s_, other.int32s_);
      break;
    case ColumnType::kInt64:
    case ColumnType::kTimestamp:
      append(int64s_, other.int64s_);
      break;
    case ColumnType::kDouble:
      append(doubles_, other.doubles_);
      break;
    case ColumnType::kString: {
      if (other.dictionary_ != nullptr || dictionary_ != nullptr)
        return AppendStringsFrom(other, begin, end);
      const uint64_t first = other.offsets_[begin];
      const uint64_t shift = chars_.size() - first;  // wraps harmlessly when chars_ is shorter
      chars_.append(other.chars_, first, other.offsets_[end] - first);
      for (size_t i = begin + 1; i <= end; ++i) offsets_.push_back(other.offsets_[i] + shift);
      break;
    }
  }
  MarkValidity(other.null_count_ ? other.valid_.data() + begin : nullptr, end - begin);
}

// AppendRange of strings where either side is coded: codes of the same dictionary are copied,
// codes of another dictionary recoded, and plain strings go value by value.
void ColumnVector::AppendStringsFrom(const ColumnVector& other, size_t begin, size_t end) {
  if (other.dictionary_ != nullptr && dictionary_ == nullptr && null_count_ == size_)
    BecomeCoded(*other.dictionary_, other.table_);
  if (other.dictionary_ != nullptr && other.dictionary_ == dictionary_) {
    codes_.insert(codes_.end(), other.codes_.begin() + begin, other.codes_.begin() + end);
    return MarkValidity(other.null_count_ ? other.valid_.data() + begin : nullptr, end - begin);
  }
  if (other.dictionary_ != nullptr && dictionary_ != nullptr)
    return AppendRecoded(other, begin, end);
  for (size_t row = begin; row < end; ++row) AppendFrom(other, row);
}

// Codes of another dictionary: each distinct one is looked up and interned once, every row
// costs an integer probe.
void ColumnVector::AppendRecoded(const ColumnVector& other, size_t begin, size_t end) {
  Recoder recode(*other.dictionary_, OwnTable(), end - begin);
  recode.Prepare(other.codes_.data() + begin,
                 other.null_count_ ? other.valid_.data() + begin : nullptr, end - begin);
  const size_t base = codes_.size();
  codes_.resize(base + (end - begin));
  for (size_t row = begin; row < end; ++row) {
    // A null row keeps the placeholder code 0 (which is "" in every table).
    if (!other.IsNull(row)) codes_[base + (row - begin)] = recode(other.codes_[row]);
  }
  MarkValidity(other.null_count_ ? other.valid_.data() + begin : nullptr, end - begin);
}

// The StringTable this column holds alone, to add strings to: its own table when no other
// column shares it, else a copy (same codes), or for a dictionary it does not own a new table
// its rows are recoded into.
StringTable& ColumnVector::OwnTable() {
  if (table_ && table_.use_count() == 1) return *table_;
  auto own = std::make_shared<StringTable>();
  if (table_) {
    own->Reserve(table_->size(), 0);
    for (size_t code = 1; code < table_->size(); ++code)
      own->Add(table_->Get(static_cast<uint32_t>(code)));
  } else {
    Recoder recode(*dictionary_, *own, size_);
    for (size_t row = 0; row < size_; ++row) {
      if (!IsNull(row)) codes_[row] = recode(codes_[row]);
    }
  }
  table_ = std::move(own);
  dictionary_ = table_.get();
  return *table_;
}

void ColumnVector::AppendGather(const ColumnVector& other, std::span<const int32_t> rows) {
  if (other.type_ != type_)
    Fail(ErrorCode::kInternal, "AppendGather between different column types");
  if (type_ == ColumnType::kString) {
    if (other.dictionary_ != nullptr && dictionary_ == nullptr && null_count_ == size_)
      BecomeCoded(*other.dictionary_, other.table_);
    const bool both_bytes = other.dictionary_ == nullptr && dictionary_ == nullptr;
    if (!both_bytes && other.dictionary_ != dictionary_) {
      for (const int32_t row : rows) row < 0 ? AppendNull() : AppendFrom(other, size_t(row));
      return;
    }
  }
  if (other.size_ == 0) return AppendNulls(rows.size());  // every row is missing
  // Filled only when a gathered row is null.
  std::vector<uint8_t> valid;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i] >= 0 && !other.IsNull(size_t(rows[i]))) continue;
    if (valid.empty()) valid.assign(rows.size(), 1);
    valid[i] = 0;
  }
  switch (type_) {
    case ColumnType::kBoolean:
      Gather(bools_, other.bools_, rows);
      break;
    case ColumnType::kInt32:
    case ColumnType::kDate:
      Gather(int32s_, other.int32s_, rows);
      break;
    case ColumnType::kInt64:
    case ColumnType::kTimestamp:
      Gather(int64s_, other.int64s_, rows);
      break;
    case ColumnType::kDouble:
      Gather(doubles_, other.doubles_, rows);
      break;
    case ColumnType::kString:
      if (dictionary_ != nullptr) {
        Gather(codes_, other.codes_, rows);
        break;
      }
      offsets_.reserve(offsets_.size() + rows.size());
      for (const int32_t row : rows) {  // a missing row, like a null one, is an empty string
        if (row >= 0) {
          const uint64_t begin = other.offsets_[size_t(row)];
          chars_.append(other.chars_, begin, other.offsets_[size_t(row) + 1] - begin);
        }
        offsets_.push_back(chars_.size());
      }
      break;
  }
  MarkValidity(valid.empty() ? nullptr : valid.data(), rows.size());
}

// A null source row holds the placeholder already, so only a missing row (negative) needs one.
template <typename T>
void ColumnVector::Gather(std::vector<T>& dst, const std::vector<T>& src,
                          std::span<const int32_t> rows) {
  const size_t base = dst.size();
  dst.resize(base + rows.size());
  T* out = dst.data() + base;
  for (size_t i = 0; i < rows.size(); ++i) out[i] = rows[i] < 0 ? T{} : src[size_t(rows[i])];
}

void ColumnVector::MarkValidity(const uint8_t* valid, size_t count) {
  if (valid == nullptr) return MarkValid(count);
  size_t nulls = 0;
  for (size_t i = 0; i < count; ++i) nulls += valid[i] == 0;
  if (nulls != 0 && null_count_ == 0) valid_.assign(size_, 1);
  if (nulls != 0 || null_count_ != 0) valid_.insert(valid_.end(), valid, valid + count);
  null_count_ += nulls;
  size_ += count;
}

template <typename T>
void ColumnVector::AppendSpaced(std::vector<T>& dst, const T* values, const uint8_t* valid,
                                size_t count) {
  if (valid == nullptr) {
    dst.insert(dst.end(), values, values + count);
  } else {
    const size_t base = dst.size();
    dst.resize(base + count);
    T* out = dst.data() + base;
    size_t next = 0;
    for (size_t i = 0; i < count; ++i) {
      out[i] = valid[i] ? values[next] : T{};
      next += valid[i] != 0;
    }
  }
  MarkValidity(valid, count);
}

void ColumnVector::AppendBools(const uint8_t* values, const uint8_t* valid, size_t count) {
  AppendSpaced(bools_, values, valid, count);
}
void ColumnVector::AppendInt32s(const int32_t* values, const uint8_t* valid, size_t count) {
  AppendSpaced(int32s_, values, valid, count);
}
void ColumnVector::AppendInt64s(const int64_t* values, const uint8_t* valid, size_t count) {
  AppendSpaced(int64s_, values, valid, count);
}
void ColumnVector::AppendDoubles(const double* values, const uint8_t* valid, size_t count) {
  AppendSpaced(doubles_, values, valid, count);
}

void ColumnVector::AppendStrings(const std::string_view* values, const uint8_t* valid,
                                 size_t count) {
  if (dictionary_ != nullptr) Decode();
  const size_t present = valid ? static_cast<size_t>(std::count_if(
                                     valid, valid + count, [](uint8_t v) { return v != 0; }))
                               : count;
  size_t bytes = 0;
  for (size_t i = 0; i < present; ++i) bytes += values[i].size();
  // Grow geometrically: an exact reserve per page would copy the buffer once per page.
  if (chars_.size() + bytes > chars_.capacity())
    chars_.reserve(std::max(chars_.size() + bytes, 2 * chars_.capacity()));
  size_t next = 0;
  for (size_t i = 0; i < count; ++i) {
    if (valid == nullptr || valid[i]) chars_.append(values[next++]);
    offsets_.push_back(chars_.size());
  }
  MarkValidity(valid, count);
}

void ColumnVector::AppendCodes(const std::shared_ptr<StringTable>& table, const uint32_t* values,
                               const uint8_t* valid, size_t count) {
  if (dictionary_ == nullptr && null_count_ == size_) BecomeCoded(*table, table);
  if (dictionary_ == table.get()) return AppendSpaced(codes_, values, valid, count);
  ColumnVector coded(ColumnType::kString);  // rare: the column holds other strings already
  coded.AppendCodes(table, values, valid, count);
  AppendRange(coded, 0, count);
}

void ColumnVector::Reserve(size_t rows, size_t string_bytes) {
  switch (type_) {
    case ColumnType::kBoolean:
      bools_.reserve(rows);
      break;
    case ColumnType::kInt32:
    case ColumnType::kDate:
      int32s_.reserve(rows);
      break;
    case ColumnType::kInt64:
    case ColumnType::kTimestamp:
      int64s_.reserve(rows);
      break;
    case ColumnType::kDouble:
      doubles_.reserve(rows);
      break;
    case ColumnType::kString:
      if (dictionary_ != nullptr) {
        codes_.reserve(rows);
      } else {
        offsets_.reserve(rows + 1);
        chars_.reserve(string_bytes);
      }
      break;
  }
}

void ColumnVector::Clear() {
  size_ = null_count_ = 0;
  valid_.clear();
  bools_.clear();
  int32s_.clear();
  int64s_.clear();
  doubles_.clear();
  chars_.clear();
  offsets_.clear();
  dictionary_ = nullptr;
  table_.reset();
  codes_.clear();
  if (type_ == ColumnType::kString) offsets_.push_back(0);
}

}  // namespace uw::parquet
