// FileWriter: a streaming Parquet writer for flat schemas. Append batches of any size; rows are
// encoded into pages as they arrive and a row group is flushed whenever it reaches the row or
// byte limit (or on FlushRowGroup()), so buffered data stays bounded by one row group's encoded
// pages. The file is finished by Close(): into a caller's string, or published to an ObjectStore
// key with a single atomic Put (readers never see a partial file). Not thread safe.
//
//   parquet::FileWriter writer = parquet::FileWriter::ToStore(store, key, schema, options);
//   writer.Write(batch);   // as often as needed
//   writer.Close();
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "parquet/batch.h"
#include "parquet/column_writer.h"
#include "parquet/metadata.h"
#include "storage/object_store.h"

namespace uw::parquet {

struct WriterOptions {
  Codec codec = Codec::kSnappy;
  int compression_level = 3;              // ZSTD 1..22, GZIP 1..9
  int64_t row_group_rows = 1 << 20;       // Arrow's default: 1 Mi rows
  int64_t row_group_bytes = 128LL << 20;  // uncompressed encoded bytes
  int64_t page_rows = 20'000;             // parquet-java's page row limit
  int64_t page_bytes = 1 << 20;
  int64_t dictionary_bytes = 1 << 20;  // fall back to PLAIN beyond this dictionary size
  bool dictionary = true;
  bool statistics = true;
  size_t threads = 0;  // columns encoded concurrently; 0: one per core
  std::vector<std::pair<std::string, std::string>> key_value_metadata;
};

// "unwrapped version X.Y.Z (build H)": parseable by parquet-java's VersionParser (tech.md §1.8).
std::string CreatedBy();

class FileWriter {
 public:
  // Writes into *out (cleared now; complete after Close()).
  static FileWriter ToString(std::string* out, Schema schema, WriterOptions options = {});
  // Buffers the file and Puts it at `key` on Close(). The store must outlive the writer.
  static FileWriter ToStore(storage::ObjectStore& store, std::string key, Schema schema,
                            WriterOptions options = {});

  FileWriter(FileWriter&&) noexcept;
  FileWriter& operator=(FileWriter&&) noexcept;
  // Without Close() nothing is published (an abandoned file is simply dropped).
  ~FileWriter();

  // Appends the batch's rows. Throws Error(kInput) when its schema differs from the writer's,
  // a non-nullable column holds a null, or a string is not UTF-8; after an exception the
  // writer's state is undefined and it must be dropped (nothing has been published).
  void Write(const Batch& batch);
  // Ends the current row group now (no-op when it is empty).
  void FlushRowGroup();
  // Writes the footer and publishes. Further calls do nothing.
  void Close();

  const Schema& schema() const;
  int64_t rows_written() const;
  // The footer as written; complete after Close().
  const FileMetaData& metadata() const;

 private:
  struct State;
  explicit FileWriter(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// One-call helpers for a whole batch.
std::string WriteParquet(const Batch& batch, const WriterOptions& options = {});
void WriteParquet(storage::ObjectStore& store, const std::string& key, const Batch& batch,
                  const WriterOptions& options = {});

}  // namespace uw::parquet
