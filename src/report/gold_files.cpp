#include "report/gold_files.h"

#include <algorithm>

#include "core/error.h"
#include "delta/snapshot.h"

namespace uw::report {

int64_t GoldFiles::num_rows() const {
  int64_t rows = 0;
  for (const parquet::FileReader& file : files) rows += file.num_rows();
  return rows;
}

parquet::Batch GoldFiles::Read(size_t i) const {
  return files.empty() ? parquet::Batch(schema) : files[i].Read(request);
}

GoldFiles OpenGoldFiles(const storage::ObjectStore& lake, std::string_view table_root,
                        const std::vector<std::string>& columns,
                        const std::vector<delta::PartitionValues>* partitions) {
  const auto snapshot = delta::ReadSnapshot(lake, table_root);
  if (!snapshot) Fail(ErrorCode::kNotFound, "{}: no Delta table here", table_root);
  const auto& partitioning = snapshot->metadata.partition_columns;
  // Only the snapshot's columns: those an older gold table lacks read as null, not as errors.
  std::vector<parquet::Field> fields;
  GoldFiles out;
  for (const parquet::Field& field : snapshot->metadata.schema.fields()) {
    const auto is = [&](const std::vector<std::string>& names) {
      return std::find(names.begin(), names.end(), field.name) != names.end();
    };
    if (is(partitioning) || !is(columns)) continue;
    out.request.columns.push_back(field.name);
    fields.push_back(field);
  }
  out.schema = parquet::Schema(std::move(fields));
  // live_files is a map: path order, as tables::ReadTable reads them.
  for (const auto& [path, add] : snapshot->live_files) {
    if (partitions && std::find(partitions->begin(), partitions->end(), add.partition_values) ==
                          partitions->end()) {
      continue;
    }
    out.files.push_back(parquet::FileReader::OpenStore(lake, delta::DataFileKey(table_root, path)));
  }
  return out;
}

}  // namespace uw::report
