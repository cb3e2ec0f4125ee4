#include "report/gold_files.h"

#include <utility>

#include "pipeline/tables/read_table.h"

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
  // Only the snapshot's columns: those an older gold table lacks read as null, not as errors.
  tables::LiveFiles live = tables::ListLiveFiles(lake, table_root, columns, partitions);
  GoldFiles out{std::move(live.schema), std::move(live.request), {}};
  for (const std::string& key : live.keys)
    out.files.push_back(parquet::FileReader::OpenStore(lake, key));
  return out;
}

}  // namespace uw::report
