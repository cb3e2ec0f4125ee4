#include "parquet/file_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "core/error.h"
#include "parquet/parallel.h"

namespace uw::parquet {
namespace {

constexpr std::string_view kMagic = "PAR1";
constexpr std::string_view kEncryptedMagic = "PARE";
// One ranged read at the end of the file usually covers length, magic and the whole footer.
constexpr uint64_t kTailRead = 64 * 1024;

std::vector<uint8_t> MatchingRows(const RangePredicate& predicate, const ColumnVector& values) {
  std::vector<uint8_t> keep(values.size());
  for (size_t r = 0; r < keep.size(); ++r) keep[r] = Matches(predicate, values, r);
  return keep;
}

// Appends at most `room` rows of `group` to `out`: all of them, or those marked in `keep`.
void AppendRows(const Batch& group, const std::vector<uint8_t>& keep, size_t room, Batch& out) {
  for (size_t i = 0; i < group.num_columns(); ++i) {
    const ColumnVector& values = group.column(i);
    ColumnVector& dst = out.column(i);
    if (keep.empty()) {
      dst.AppendRange(values, 0, std::min(values.size(), room));
      continue;
    }
    size_t taken = 0;
    for (size_t r = 0; r < values.size() && taken < room; ++r) {
      if (!keep[r]) continue;
      dst.AppendFrom(values, r);
      ++taken;
    }
  }
}

}  // namespace

FileMetaData ReadFooter(const ByteSource& source, uint32_t* footer_bytes,
                        uint32_t max_footer_bytes) {
  const uint64_t size = source.size();
  const std::string& name = source.name();
  if (size < 12)
    Fail(ErrorCode::kCorrupt, "{}: {} bytes is too small for a Parquet file", name, size);
  std::string tail_scratch, scratch;
  const uint64_t tail_size = std::min(size, kTailRead);
  const std::string_view tail = source.Read(size - tail_size, tail_size, tail_scratch);
  const std::string_view magic = tail.substr(tail.size() - 4);
  if (magic == kEncryptedMagic)
    Fail(ErrorCode::kInput, "{}: encrypted Parquet files are not supported", name);
  if (magic != kMagic)
    Fail(ErrorCode::kCorrupt, "{}: not a Parquet file (no PAR1 at the end)", name);
  if (source.Read(0, 4, scratch) != kMagic)
    Fail(ErrorCode::kCorrupt, "{}: not a Parquet file (no PAR1 at the start)", name);
  uint32_t length = 0;
  std::memcpy(&length, tail.data() + tail.size() - 8, 4);
  if (length > size - 12)
    Fail(ErrorCode::kCorrupt, "{}: footer length {} exceeds the file ({} bytes)", name, length,
         size);
  if (length > max_footer_bytes) {
    Fail(ErrorCode::kCorrupt, "{}: footer of {} bytes exceeds the limit of {}", name, length,
         max_footer_bytes);
  }
  if (footer_bytes) *footer_bytes = length;
  const std::string_view footer = length + 8 <= tail_size
                                      ? tail.substr(tail.size() - 8 - length, length)
                                      : source.Read(size - 8 - length, length, scratch);
  try {
    return ReadFileMetaData(footer);
  } catch (const Error& e) {
    Fail(ErrorCode::kCorrupt, "{}: footer: {}", name, e.what());
  }
}

FileReader::FileReader(std::unique_ptr<ByteSource> source, ReaderOptions options)
    : source_(std::move(source)), options_(options) {
  if (options_.threads == 0) options_.threads = DefaultThreads();
  uint32_t footer_length = 0;
  metadata_ = ReadFooter(*source_, &footer_length, options_.max_footer_bytes);
  data_end_ = source_->size() - 8 - footer_length;
  Validate();
}

FileReader FileReader::Open(std::unique_ptr<ByteSource> source, ReaderOptions options) {
  return FileReader(std::move(source), options);
}

FileReader FileReader::OpenBytes(std::string bytes, std::string name, ReaderOptions options) {
  return FileReader(MakeBytesSource(std::move(bytes), std::move(name)), options);
}

FileReader FileReader::OpenStore(const storage::ObjectStore& store, std::string key,
                                 ReaderOptions options) {
  return FileReader(MakeStoreSource(store, std::move(key)), options);
}

void FileReader::Corrupt(size_t row_group, size_t leaf, const std::string& what) const {
  Fail(ErrorCode::kCorrupt, "{}: row group {}, column \"{}\": {}", name(), row_group,
       leaves_[leaf].name, what);
}

void FileReader::Validate() {
  try {
    leaves_ = ResolveLeaves(metadata_.schema);
  } catch (const Error& e) {
    Fail(e.code(), "{}: {}", name(), e.what());
  }
  std::vector<Field> fields;
  for (size_t i = 0; i < leaves_.size(); ++i) {
    if (!leaves_[i].type) continue;
    fields.push_back({leaves_[i].name, *leaves_[i].type, leaves_[i].nullable});
    schema_leaf_.push_back(i);
  }
  schema_ = Schema(std::move(fields));
  for (size_t g = 0; g < metadata_.row_groups.size(); ++g) {
    const RowGroup& group = metadata_.row_groups[g];
    if (group.columns.size() != leaves_.size()) {
      Fail(ErrorCode::kCorrupt, "{}: row group {} has {} column chunks for {} columns", name(), g,
           group.columns.size(), leaves_.size());
    }
    if (group.num_rows < 0 || group.num_rows > options_.max_row_group_rows) {
      Fail(ErrorCode::kCorrupt, "{}: row group {} claims {} rows (limit {})", name(), g,
           group.num_rows, options_.max_row_group_rows);
    }
  }
}

int64_t FileReader::num_rows() const {
  int64_t rows = 0;
  for (const auto& g : metadata_.row_groups) rows += g.num_rows;
  return rows;
}

std::vector<size_t> FileReader::ColumnIndices(const std::vector<std::string>& names) const {
  std::vector<size_t> indices;
  for (const auto& n : names) {
    const auto index = schema_.IndexOf(n);
    if (!index) {
      const auto leaf = std::find_if(leaves_.begin(), leaves_.end(),
                                     [&](const LeafColumn& l) { return l.name == n; });
      if (leaf != leaves_.end())
        Fail(ErrorCode::kInput, "{}: column \"{}\" has an unsupported type ({})", name(), n,
             leaf->unsupported);
      Fail(ErrorCode::kUsage, "{}: no column named \"{}\"", name(), n);
    }
    indices.push_back(*index);
  }
  return indices;
}

ColumnVector FileReader::ReadColumn(size_t row_group, size_t column) const {
  const size_t leaf_index = schema_leaf_[column];
  const LeafColumn& leaf = leaves_[leaf_index];
  const RowGroup& group = metadata_.row_groups[row_group];
  const ColumnChunk& chunk = group.columns[leaf_index];
  if (!chunk.meta_data) Corrupt(row_group, leaf_index, "column chunk without meta_data");
  if (chunk.file_path)
    Corrupt(row_group, leaf_index, "column data in another file is not supported");
  const ColumnMetaData& meta = *chunk.meta_data;
  if (meta.type != leaf.physical) {
    Corrupt(row_group, leaf_index,
            fmt::format("chunk type {} differs from the schema's {}", PhysicalTypeName(meta.type),
                        PhysicalTypeName(leaf.physical)));
  }
  if (meta.path_in_schema.size() != 1 || meta.path_in_schema[0] != leaf.name) {
    Corrupt(row_group, leaf_index, "path_in_schema does not name this column");
  }
  // Start at the dictionary page when there is one (parquet-java ColumnChunkMetaData
  // getStartingPos); 0 means "absent" for old writers (ARROW-5322).
  int64_t start = meta.data_page_offset;
  if (meta.dictionary_page_offset && *meta.dictionary_page_offset > 0 &&
      *meta.dictionary_page_offset < start) {
    start = *meta.dictionary_page_offset;
  }
  const int64_t size = meta.total_compressed_size;
  if (start < 4 || size <= 0 || static_cast<uint64_t>(start) > data_end_ ||
      static_cast<uint64_t>(size) > data_end_ - static_cast<uint64_t>(start)) {
    Corrupt(row_group, leaf_index,
            fmt::format("column chunk [{}, +{}) lies outside the data section [4, {})", start, size,
                        data_end_));
  }
  std::string scratch;
  const std::string_view bytes =
      source_->Read(static_cast<uint64_t>(start), static_cast<uint64_t>(size), scratch);
  ColumnVector out(*leaf.type);
  try {
    DecodeColumnChunk(bytes, meta, leaf, group.num_rows, options_, out);
  } catch (const Error& e) {
    Fail(e.code(), "{}: row group {}, column \"{}\": {}", name(), row_group, leaf.name, e.what());
  }
  return out;
}

Batch FileReader::ReadRowGroup(size_t row_group, const std::vector<size_t>& columns) const {
  if (row_group >= num_row_groups())
    Fail(ErrorCode::kUsage, "{}: no row group {}", name(), row_group);
  std::vector<size_t> selected = columns;
  if (selected.empty()) {
    for (size_t i = 0; i < schema_.size(); ++i) selected.push_back(i);
  }
  std::vector<Field> fields;
  for (size_t c : selected) {
    if (c >= schema_.size()) Fail(ErrorCode::kUsage, "{}: no column {}", name(), c);
    fields.push_back(schema_.field(c));
  }
  std::vector<std::optional<ColumnVector>> read(selected.size());
  ParallelFor(selected.size(), options_.threads,
              [&](size_t i) { read[i] = ReadColumn(row_group, selected[i]); });
  std::vector<ColumnVector> vectors;
  for (auto& v : read) vectors.push_back(std::move(*v));
  return Batch(Schema(std::move(fields)), std::move(vectors));
}

bool FileReader::RowGroupMayMatch(size_t row_group, const RangePredicate& predicate) const {
  const size_t column = ColumnIndices({predicate.column}).front();
  const size_t leaf_index = schema_leaf_[column];
  const RowGroup& group = metadata_.row_groups.at(row_group);
  const auto& meta = group.columns[leaf_index].meta_data;
  const bool type_order =
      leaf_index < metadata_.column_orders.size() && metadata_.column_orders[leaf_index];
  return StatisticsMayMatch(predicate, leaves_[leaf_index],
                            meta && meta->statistics ? &*meta->statistics : nullptr, type_order,
                            group.num_rows);
}

Batch FileReader::Read(const ReadRequest& request) const {
  std::vector<size_t> selected = ColumnIndices(request.columns);
  if (request.columns.empty()) {
    for (size_t i = 0; i < schema_.size(); ++i) selected.push_back(i);
  }
  std::optional<size_t> filter_column;
  if (request.filter) {
    filter_column = ColumnIndices({request.filter->column}).front();
    CheckPredicate(*request.filter, schema_.field(*filter_column).type);
  }
  std::vector<Field> fields;
  for (size_t c : selected) fields.push_back(schema_.field(c));
  Batch out{Schema(fields)};
  const size_t limit = request.limit.value_or(SIZE_MAX);
  for (size_t g = 0; g < num_row_groups() && out.num_rows() < limit; ++g) {
    if (request.filter && !RowGroupMayMatch(g, *request.filter)) continue;
    std::vector<uint8_t> keep;
    if (filter_column) {
      keep = MatchingRows(*request.filter, ReadColumn(g, *filter_column));
      if (std::find(keep.begin(), keep.end(), 1) == keep.end()) continue;  // the values can tell
    }
    Batch group = ReadRowGroup(g, selected);
    if (!filter_column && out.num_rows() == 0 && group.num_rows() <= limit) {
      out = std::move(group);  // the common single-row-group case: no copy
      continue;
    }
    AppendRows(group, keep, limit - out.num_rows(), out);
  }
  return out;
}

}  // namespace uw::parquet
