#include "pipeline/tables/read_table.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <optional>
#include <utility>

#include "core/error.h"
#include "delta/snapshot.h"
#include "parquet/file_reader.h"
#include "parquet/parallel.h"

namespace uw::tables {

namespace {

// A partition's values as integers ("2024", "10" -> {2024, 10}), in partition column order, so
// month=10 comes after month=9; a null or non-numeric value counts as 0.
std::vector<int64_t> NumericValues(const delta::PartitionValues& values,
                                   const std::vector<std::string>& columns) {
  std::vector<int64_t> numbers;
  for (const std::string& column : columns) {
    const auto it = values.find(column);
    int64_t n = 0;
    if (it != values.end() && it->second) {
      const std::string& text = *it->second;
      std::from_chars(text.data(), text.data() + text.size(), n);
    }
    numbers.push_back(n);
  }
  return numbers;
}

// ListLiveFiles, or with `numeric_order` the files in numeric partition order.
LiveFiles ListLive(const storage::ObjectStore& lake, std::string_view table_root,
                   const std::vector<std::string>& columns,
                   const std::vector<delta::PartitionValues>* partitions, bool numeric_order) {
  const auto snapshot = delta::ReadSnapshot(lake, table_root);
  if (!snapshot) Fail(ErrorCode::kNotFound, "{}: no Delta table here", table_root);
  const auto& partitioning = snapshot->metadata.partition_columns;
  std::vector<parquet::Field> fields;
  for (const parquet::Field& field : snapshot->metadata.schema.fields()) {
    if (std::find(partitioning.begin(), partitioning.end(), field.name) != partitioning.end())
      continue;
    if (columns.empty() || std::find(columns.begin(), columns.end(), field.name) != columns.end())
      fields.push_back(field);
  }
  parquet::ReadRequest request;
  for (const parquet::Field& field : fields) request.columns.push_back(field.name);
  std::vector<std::pair<std::vector<int64_t>, std::string>> files;
  for (const auto& [path, add] : snapshot->live_files) {
    if (partitions && std::find(partitions->begin(), partitions->end(), add.partition_values) ==
                          partitions->end()) {
      continue;
    }
    files.push_back({numeric_order ? NumericValues(add.partition_values, partitioning)
                                   : std::vector<int64_t>{},
                     delta::DataFileKey(table_root, path)});
  }
  std::stable_sort(files.begin(), files.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  LiveFiles live{parquet::Schema(std::move(fields)), std::move(request), {}};
  for (auto& [order, key] : files) live.keys.push_back(std::move(key));
  return live;
}

parquet::Batch ReadLive(const storage::ObjectStore& lake, std::string_view table_root,
                        const std::vector<std::string>& columns,
                        const std::vector<delta::PartitionValues>* partitions) {
  const LiveFiles live = ListLive(lake, table_root, columns, partitions, false);
  parquet::Batch out{live.schema};
  for (const std::string& key : live.keys) {
    out.Append(parquet::FileReader::OpenStore(lake, key).Read(live.request));
  }
  return out;
}

}  // namespace

LiveFiles ListLiveFiles(const storage::ObjectStore& lake, std::string_view table_root,
                        const std::vector<std::string>& columns,
                        const std::vector<delta::PartitionValues>* partitions) {
  return ListLive(lake, table_root, columns, partitions, false);
}

parquet::Batch ReadTable(const storage::ObjectStore& lake, std::string_view table_root,
                         const std::vector<std::string>& columns) {
  return ReadLive(lake, table_root, columns, nullptr);
}

parquet::Schema ReadTableByPartition(const storage::ObjectStore& lake, std::string_view table_root,
                                     const std::vector<std::string>& columns,
                                     const std::function<void(parquet::Batch)>& visit,
                                     const std::function<parquet::Batch(parquet::Batch)>& prepare) {
  const LiveFiles live = ListLive(lake, table_root, columns, nullptr, true);
  // One file per thread, a window of them at a time: files of similar size keep the threads
  // evenly busy where a file's columns (one long string column next to small ones) would not,
  // and the window bounds the rows held besides the visitor's. A file alone in its window has
  // its columns read concurrently instead.
  const size_t window = parquet::DefaultThreads();
  std::vector<std::optional<parquet::Batch>> read(window);
  for (size_t first = 0; first < live.keys.size(); first += window) {
    const size_t count = std::min(window, live.keys.size() - first);
    parquet::ReaderOptions options;
    options.threads = count > 1 ? 1 : 0;
    parquet::ParallelFor(count, count, [&](size_t i) {
      parquet::Batch rows =
          parquet::FileReader::OpenStore(lake, live.keys[first + i], options).Read(live.request);
      read[i].emplace(prepare ? prepare(std::move(rows)) : std::move(rows));
    });
    for (size_t i = 0; i < count; ++i) {
      visit(std::move(*read[i]));
      read[i].reset();
    }
  }
  return live.schema;
}

parquet::Batch ReadPartitions(const storage::ObjectStore& lake, std::string_view table_root,
                              const std::vector<delta::PartitionValues>& partitions,
                              const std::vector<std::string>& columns) {
  return ReadLive(lake, table_root, columns, &partitions);
}

}  // namespace uw::tables
