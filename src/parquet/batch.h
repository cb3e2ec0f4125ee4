// Batch: a schema plus one ColumnVector per field, all of the same length. The writer appends
// batches; the reader returns them. Build one column at a time, or row by row through column(i).
// Not thread safe.
#pragma once

#include <string_view>
#include <vector>

#include "parquet/column_vector.h"
#include "parquet/schema.h"

namespace uw::parquet {

class Batch {
 public:
  explicit Batch(Schema schema);
  // Takes ready columns, one per field; throws Error(kInput) when they do not fit (Validate()).
  Batch(Schema schema, std::vector<ColumnVector> columns);

  const Schema& schema() const { return schema_; }
  size_t num_columns() const { return columns_.size(); }
  // Rows in the batch: the length of the first column (all must agree, see Validate()).
  size_t num_rows() const { return columns_.empty() ? 0 : columns_.front().size(); }

  ColumnVector& column(size_t i) { return columns_[i]; }
  const ColumnVector& column(size_t i) const { return columns_[i]; }
  // Throws Error(kUsage) when no column has this name.
  ColumnVector& column(std::string_view name);
  const ColumnVector& column(std::string_view name) const;

  // Throws Error(kInput) unless every column has num_rows() rows of its field's type and
  // non-nullable columns hold no null.
  void Validate() const;
  // A batch with the rows whose keep[row] is non-zero.
  Batch Filter(const std::vector<uint8_t>& keep) const;
  // Appends every row of `other` (same schema); a large batch's columns concurrently.
  void Append(const Batch& other);

  void Reserve(size_t rows);
  void Clear();

 private:
  size_t IndexOrFail(std::string_view name) const;
  Schema schema_;
  std::vector<ColumnVector> columns_;
};

}  // namespace uw::parquet
