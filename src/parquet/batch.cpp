#include "parquet/batch.h"

#include <algorithm>

#include "core/error.h"
#include "parquet/parallel.h"

namespace uw::parquet {

Batch::Batch(Schema schema) : schema_(std::move(schema)) {
  columns_.reserve(schema_.size());
  for (const auto& f : schema_.fields()) columns_.emplace_back(f.type);
}

Batch::Batch(Schema schema, std::vector<ColumnVector> columns)
    : schema_(std::move(schema)), columns_(std::move(columns)) {
  if (columns_.size() != schema_.size()) {
    Fail(ErrorCode::kInput, "{} columns for a schema of {}", columns_.size(), schema_.size());
  }
  Validate();
}

size_t Batch::IndexOrFail(std::string_view name) const {
  const auto index = schema_.IndexOf(name);
  if (!index) Fail(ErrorCode::kUsage, "no column named \"{}\"", name);
  return *index;
}

ColumnVector& Batch::column(std::string_view name) { return columns_[IndexOrFail(name)]; }
const ColumnVector& Batch::column(std::string_view name) const {
  return columns_[IndexOrFail(name)];
}

void Batch::Validate() const {
  for (size_t i = 0; i < columns_.size(); ++i) {
    const Field& f = schema_.field(i);
    const ColumnVector& c = columns_[i];
    if (c.type() != f.type) {
      Fail(ErrorCode::kInput, "column \"{}\" holds {} values, the schema says {}", f.name,
           ColumnTypeName(c.type()), ColumnTypeName(f.type));
    }
    if (c.size() != num_rows()) {
      Fail(ErrorCode::kInput, "column \"{}\" has {} rows, column \"{}\" has {}", f.name, c.size(),
           schema_.field(0).name, num_rows());
    }
    if (!f.nullable && c.null_count() != 0) {
      Fail(ErrorCode::kInput, "column \"{}\" is not nullable but holds {} nulls", f.name,
           c.null_count());
    }
  }
}

Batch Batch::Filter(const std::vector<uint8_t>& keep) const {
  Batch out(schema_);
  for (size_t c = 0; c < columns_.size(); ++c) {
    for (size_t row = 0; row < keep.size() && row < columns_[c].size(); ++row) {
      if (keep[row]) out.columns_[c].AppendFrom(columns_[c], row);
    }
  }
  return out;
}

namespace {

// Whether a dictionary is held by columns of different indices (in either batch): appending
// those columns concurrently could grow a table while another column reads it.
bool DictionaryCrossesColumns(const Batch& a, const Batch& b) {
  std::vector<std::pair<const StringDictionary*, size_t>> holders;
  for (const Batch* batch : {&a, &b}) {
    for (size_t c = 0; c < batch->num_columns(); ++c) {
      if (batch->column(c).dictionary() != nullptr)
        holders.push_back({batch->column(c).dictionary(), c});
    }
  }
  std::sort(holders.begin(), holders.end());
  holders.erase(std::unique(holders.begin(), holders.end()), holders.end());
  return std::adjacent_find(holders.begin(), holders.end(), [](const auto& x, const auto& y) {
           return x.first == y.first;
         }) != holders.end();
}

}  // namespace

void Batch::Append(const Batch& other) {
  if (!(other.schema_ == schema_))
    Fail(ErrorCode::kInternal, "Batch::Append with a different schema");
  // A large append runs its columns concurrently: recoding the strings of another file's
  // dictionary costs a hash lookup per distinct value.
  constexpr size_t kParallelRows = 4096;
  const size_t threads =
      other.num_rows() >= kParallelRows && !DictionaryCrossesColumns(*this, other)
          ? DefaultThreads()
          : 1;
  ParallelFor(columns_.size(), threads, [&](size_t c) {
    columns_[c].AppendRange(other.columns_[c], 0, other.columns_[c].size());
  });
}

void Batch::Reserve(size_t rows) {
  for (auto& c : columns_) c.Reserve(rows);
}

void Batch::Clear() {
  for (auto& c : columns_) c.Clear();
}

}  // namespace uw::parquet
