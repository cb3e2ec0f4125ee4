// FileReader: reads flat Parquet files written by us or by DuckDB, Polars, Arrow, Spark, …
// Opening reads and validates the footer only; row groups are read on demand, and only the
// projected columns' chunks are fetched (ranged reads on an ObjectStore). Every offset, length
// and count in the file is checked before use: a damaged file raises Error(kCorrupt) naming the
// file, row group, column and the problem; it never crashes or allocates beyond ReaderOptions.
// Const methods are safe to call concurrently.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "parquet/batch.h"
#include "parquet/byte_source.h"
#include "parquet/column_reader.h"
#include "parquet/file_schema.h"
#include "parquet/metadata.h"
#include "parquet/predicate.h"

namespace uw::parquet {

// Reads and parses the footer of `source` (magic, length, FileMetaData); `footer_bytes`, when
// given, receives the footer's length. Throws Error(kCorrupt) naming the file, also for a footer
// longer than max_footer_bytes.
FileMetaData ReadFooter(const ByteSource& source, uint32_t* footer_bytes = nullptr,
                        uint32_t max_footer_bytes = ReaderOptions().max_footer_bytes);

struct ReadRequest {
  std::vector<std::string> columns = {};      // empty: every readable column, in file order
  std::optional<RangePredicate> filter = {};  // rows outside the range are dropped
  std::optional<size_t> limit = {};           // at most this many rows
};

class FileReader {
 public:
  static FileReader Open(std::unique_ptr<ByteSource> source, ReaderOptions options = {});
  static FileReader OpenBytes(std::string bytes, std::string name = "<memory>",
                              ReaderOptions options = {});
  static FileReader OpenStore(const storage::ObjectStore& store, std::string key,
                              ReaderOptions options = {});

  const std::string& name() const { return source_->name(); }
  const FileMetaData& metadata() const { return metadata_; }
  // Every leaf of the file, readable or not (see LeafColumn::unsupported).
  const std::vector<LeafColumn>& leaves() const { return leaves_; }
  // The readable columns, in file order.
  const Schema& schema() const { return schema_; }
  size_t num_row_groups() const { return metadata_.row_groups.size(); }
  int64_t num_rows() const;

  // Reads one row group. `columns` are indices into schema(); empty means all.
  Batch ReadRowGroup(size_t row_group, const std::vector<size_t>& columns = {}) const;
  // Reads the requested columns of every row group, skipping row groups whose statistics rule
  // out the filter and dropping the rows that fail it. Throws Error(kUsage) for unknown columns
  // or a filter bound of the wrong type.
  Batch Read(const ReadRequest& request = {}) const;
  // False only when the row group's statistics prove that no row matches.
  bool RowGroupMayMatch(size_t row_group, const RangePredicate& predicate) const;
  // Indices into schema() of the named columns; throws Error(kUsage) naming an unknown one.
  std::vector<size_t> ColumnIndices(const std::vector<std::string>& names) const;

 private:
  FileReader(std::unique_ptr<ByteSource> source, ReaderOptions options);
  void Validate();
  ColumnVector ReadColumn(size_t row_group, size_t column) const;
  [[noreturn]] void Corrupt(size_t row_group, size_t leaf, const std::string& what) const;

  std::shared_ptr<const ByteSource> source_;
  ReaderOptions options_;
  FileMetaData metadata_;
  std::vector<LeafColumn> leaves_;
  Schema schema_;
  std::vector<size_t> schema_leaf_;  // schema_ column → index in leaves_
  uint64_t data_end_ = 0;            // where column data must end: the footer's start
};

}  // namespace uw::parquet
