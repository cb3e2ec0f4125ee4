#include "pipeline/silver/read_table.h"

#include <algorithm>

#include "core/error.h"
#include "delta/snapshot.h"
#include "parquet/file_reader.h"

namespace uw::silver {

parquet::Batch ReadTable(const storage::ObjectStore& lake, std::string_view table_root,
                         const std::vector<std::string>& columns) {
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
    const auto reader = parquet::FileReader::OpenStore(lake, delta::DataFileKey(table_root, path));
    out.Append(reader.Read(request));
  }
  return out;
}

}  // namespace uw::silver
