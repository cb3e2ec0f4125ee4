#include "parquet/file_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "core/error.h"
#include "core/version.h"
#include "parquet/file_schema.h"
#include "parquet/parallel.h"

namespace uw::parquet {
namespace {

constexpr std::string_view kMagic = "PAR1";
// Rows appended to all columns (concurrently) between row-group limit checks: at most
// kSegmentRows, fewer when the byte limit is near (estimated from the bytes per row so far).
constexpr size_t kSegmentRows = 16384;
constexpr size_t kMinSegmentRows = 256;

ColumnWriterOptions ColumnOptions(const WriterOptions& o) {
  ColumnWriterOptions c;
  c.codec = o.codec;
  c.compression_level = o.compression_level;
  c.page_rows = std::clamp<int64_t>(o.page_rows, 1, INT32_MAX);
  c.page_bytes = std::max<int64_t>(o.page_bytes, 1);
  c.dictionary_bytes = o.dictionary_bytes;
  c.dictionary = o.dictionary;
  c.statistics = o.statistics;
  return c;
}

}  // namespace

std::string CreatedBy() {
  return fmt::format("unwrapped version {} (build {})", kVersion, kGitHash);
}

struct FileWriter::State {
  Schema schema;
  WriterOptions options;
  std::string* out = nullptr;  // the file so far
  std::string owned;           // backing for `out` when writing to a store
  storage::ObjectStore* store = nullptr;
  std::string key;
  std::vector<std::unique_ptr<ColumnChunkWriter>> columns;
  FileMetaData metadata;
  int64_t group_rows = 0;
  int64_t rows = 0;
  double bytes_per_row = 0;  // encoded bytes per row seen so far, for segment sizing
  bool closed = false;

  int64_t BufferedBytes() const {
    int64_t total = 0;
    for (const auto& c : columns) total += c->buffered_bytes();
    return total;
  }
};

FileWriter::FileWriter(std::unique_ptr<State> state) : state_(std::move(state)) {
  State& s = *state_;
  s.schema.ValidateForWriting();
  s.options.row_group_rows = std::clamp<int64_t>(s.options.row_group_rows, 1, INT64_MAX);
  if (s.options.threads == 0) s.options.threads = DefaultThreads();
  const ColumnWriterOptions column_options = ColumnOptions(s.options);
  for (const auto& f : s.schema.fields())
    s.columns.push_back(ColumnChunkWriter::Make(f, column_options));
  s.out->clear();
  s.out->append(kMagic);
  s.metadata.version = 1;
  s.metadata.schema = ToSchemaElements(s.schema);
  s.metadata.created_by = CreatedBy();
  for (const auto& [k, v] : s.options.key_value_metadata)
    s.metadata.key_value_metadata.push_back({k, v});
  // min_value/max_value are undefined without column orders (parquet.thrift FileMetaData).
  s.metadata.column_orders.assign(s.schema.size(), true);
}

FileWriter FileWriter::ToString(std::string* out, Schema schema, WriterOptions options) {
  auto state = std::make_unique<State>();
  state->schema = std::move(schema);
  state->options = std::move(options);
  state->out = out;
  return FileWriter(std::move(state));
}

FileWriter FileWriter::ToStore(storage::ObjectStore& store, std::string key, Schema schema,
                               WriterOptions options) {
  auto state = std::make_unique<State>();
  state->schema = std::move(schema);
  state->options = std::move(options);
  state->out = &state->owned;
  state->store = &store;
  state->key = std::move(key);
  return FileWriter(std::move(state));
}

FileWriter::FileWriter(FileWriter&&) noexcept = default;
FileWriter& FileWriter::operator=(FileWriter&&) noexcept = default;
FileWriter::~FileWriter() = default;

const Schema& FileWriter::schema() const { return state_->schema; }
int64_t FileWriter::rows_written() const { return state_->rows; }
const FileMetaData& FileWriter::metadata() const { return state_->metadata; }

void FileWriter::Write(const Batch& batch) {
  State& s = *state_;
  if (s.closed) Fail(ErrorCode::kInternal, "FileWriter::Write after Close");
  if (!(batch.schema() == s.schema))
    Fail(ErrorCode::kInput, "batch schema differs from the writer's schema");
  batch.Validate();
  const size_t rows = batch.num_rows();
  size_t begin = 0;
  while (begin < rows) {
    const auto room = static_cast<size_t>(s.options.row_group_rows - s.group_rows);
    size_t segment = kMinSegmentRows;
    if (s.bytes_per_row > 0) {
      const double bytes_left = static_cast<double>(s.options.row_group_bytes - s.BufferedBytes());
      segment = std::clamp(static_cast<size_t>(std::max(0.0, bytes_left) / s.bytes_per_row) + 1,
                           kMinSegmentRows, kSegmentRows);
    }
    const size_t n = std::min({rows - begin, room, segment});
    ParallelFor(s.columns.size(), s.options.threads,
                [&](size_t c) { s.columns[c]->Append(batch.column(c), begin, begin + n); });
    begin += n;
    s.group_rows += static_cast<int64_t>(n);
    s.rows += static_cast<int64_t>(n);
    const int64_t buffered = s.BufferedBytes();
    s.bytes_per_row = static_cast<double>(buffered) / static_cast<double>(s.group_rows);
    if (s.group_rows >= s.options.row_group_rows || buffered >= s.options.row_group_bytes) {
      FlushRowGroup();
    }
  }
}

void FileWriter::FlushRowGroup() {
  State& s = *state_;
  if (s.group_rows == 0) return;
  RowGroup group;
  group.num_rows = s.group_rows;
  group.file_offset = static_cast<int64_t>(s.out->size());  // must be exact (PARQUET-2078)
  group.ordinal = static_cast<int16_t>(std::min<size_t>(s.metadata.row_groups.size(), INT16_MAX));
  ParallelFor(s.columns.size(), s.options.threads, [&](size_t c) { s.columns[c]->Seal(); });
  int64_t compressed = 0;
  for (const auto& column : s.columns) compressed += column->sealed_bytes();
  s.out->reserve(s.out->size() + static_cast<size_t>(compressed) + (1 << 16));
  compressed = 0;
  for (auto& column : s.columns) {
    ColumnChunk chunk = column->Emit(*s.out, static_cast<int64_t>(s.out->size()));
    group.total_byte_size += chunk.meta_data->total_uncompressed_size;
    compressed += chunk.meta_data->total_compressed_size;
    group.columns.push_back(std::move(chunk));
  }
  group.total_compressed_size = compressed;
  s.metadata.row_groups.push_back(std::move(group));
  s.metadata.num_rows += s.group_rows;
  s.group_rows = 0;
}

void FileWriter::Close() {
  State& s = *state_;
  if (s.closed) return;
  FlushRowGroup();
  const size_t footer_start = s.out->size();
  WriteFileMetaData(s.metadata, *s.out);
  const auto footer_length = static_cast<uint32_t>(s.out->size() - footer_start);
  char length_bytes[4];
  std::memcpy(length_bytes, &footer_length, 4);
  s.out->append(length_bytes, 4);
  s.out->append(kMagic);
  if (s.store) {
    s.store->Put(s.key, *s.out);
    std::string().swap(s.owned);
  }
  s.closed = true;
}

std::string WriteParquet(const Batch& batch, const WriterOptions& options) {
  std::string out;
  FileWriter writer = FileWriter::ToString(&out, batch.schema(), options);
  writer.Write(batch);
  writer.Close();
  return out;
}

void WriteParquet(storage::ObjectStore& store, const std::string& key, const Batch& batch,
                  const WriterOptions& options) {
  FileWriter writer = FileWriter::ToStore(store, key, batch.schema(), options);
  writer.Write(batch);
  writer.Close();
}

}  // namespace uw::parquet
