#include "pipeline/tables/read_table.h"

#include <algorithm>

#include "core/error.h"
#include "delta/snapshot.h"
#include "parquet/file_reader.h"

namespace uw::tables {

namespace {

parquet::Batch ReadLive(const storage::ObjectStore& lake, std::string_view table_root,
                        const std::vector<std::string>& columns,
                        const std::vector<delta::PartitionValues>* partitions) {
  const auto snapshot = delta::ReadSnapshot(lake, table_root);
  if (!snapshot) Fail(ErrorCode::kNotFound, "{}: no Delta table here", table_root);
  std::vector<parquet::Field> fields;
  for (const parquet::Field& field : snapshot->metadata.schema.fields()) {
    const auto& partitioning = snapshot->metadata.partition_columns;
    if (std::find(partitioning.begin(), partitioning.end(), field.name) != partitioning.end())
      continue;
    if (columns.empty() || std::find(columns.begin(), columns.end(), field.name) != columns.end())
      fields.push_back(field);
  }
  parquet::Batch out{parquet::Schema(fields)};
  parquet::ReadRequest request;
  for (const parquet::Field& field : fields) request.columns.push_back(field.name);
  for (const auto& [path, add] : snapshot->live_files) {
    if (partitions && std::find(partitions->begin(), partitions->end(), add.partition_values) ==
                          partitions->end()) {
      continue;
    }
    const auto reader = parquet::FileReader::OpenStore(lake, delta::DataFileKey(table_root, path));
    out.Append(reader.Read(request));
  }
  return out;
}

}  // namespace

parquet::Batch ReadTable(const storage::ObjectStore& lake, std::string_view table_root,
                         const std::vector<std::string>& columns) {
  return ReadLive(lake, table_root, columns, nullptr);
}

parquet::Batch ReadPartitions(const storage::ObjectStore& lake, std::string_view table_root,
                              const std::vector<delta::PartitionValues>& partitions,
                              const std::vector<std::string>& columns) {
  return ReadLive(lake, table_root, columns, &partitions);
}

}  // namespace uw::tables
