#include "warehouse/lake_source.h"

#include <algorithm>
#include <map>

#include "core/error.h"
#include "parquet/file_reader.h"

namespace uw::warehouse {
namespace {

std::optional<Month> MonthOf(const delta::PartitionValues& values) {
  const auto year = values.find("year"), month = values.find("month");
  if (year == values.end() || month == values.end() || !year->second || !month->second) {
    return std::nullopt;
  }
  return Month{std::stoi(*year->second), std::stoi(*month->second)};
}

// Month → the sorted paths of its files.
std::map<Month, std::set<std::string>> FilesByMonth(const delta::Snapshot& snapshot) {
  std::map<Month, std::set<std::string>> out;
  for (const auto& [path, add] : snapshot.live_files) {
    if (const auto month = MonthOf(add.partition_values)) out[*month].insert(path);
  }
  return out;
}

}  // namespace

SourceTable::SourceTable(const storage::ObjectStore& lake, std::string root)
    : lake_(lake), root_(std::move(root)) {
  auto snapshot = delta::ReadSnapshot(lake_, root_);
  if (!snapshot) {
    Fail(ErrorCode::kNotFound, "{}: no table in the lake; run `unwrapped build` before `load`",
         root_);
  }
  snapshot_ = std::move(*snapshot);
}

parquet::Batch SourceTable::ReadFiles(const std::optional<Month>& only) const {
  std::vector<parquet::Field> fields;
  const auto& partitioning = snapshot_.metadata.partition_columns;
  for (const parquet::Field& field : snapshot_.metadata.schema.fields()) {
    if (std::find(partitioning.begin(), partitioning.end(), field.name) == partitioning.end()) {
      fields.push_back(field);
    }
  }
  parquet::Batch out{parquet::Schema(fields)};
  parquet::ReadRequest request;
  for (const parquet::Field& field : fields) request.columns.push_back(field.name);
  for (const auto& [path, add] : snapshot_.live_files) {
    if (only && MonthOf(add.partition_values) != only) continue;
    out.Append(
        parquet::FileReader::OpenStore(lake_, delta::DataFileKey(root_, path)).Read(request));
  }
  return out;
}

parquet::Batch SourceTable::ReadAll() const { return ReadFiles(std::nullopt); }
parquet::Batch SourceTable::ReadMonth(Month month) const { return ReadFiles(month); }

std::set<Month> SourceTable::Months() const {
  std::set<Month> out;
  for (const auto& [month, files] : FilesByMonth(snapshot_)) out.insert(month);
  return out;
}

std::optional<std::set<Month>> SourceTable::ChangedMonths(const SourceVersion& since) const {
  if (since.table_id != snapshot_.metadata.id || since.version > snapshot_.version) {
    return std::nullopt;
  }
  std::optional<delta::Snapshot> before;
  try {
    before = delta::ReadSnapshot(lake_, root_, since.version);
  } catch (const Error&) {
    return std::nullopt;  // the old version no longer replays: reload everything
  }
  if (!before) return std::nullopt;
  const auto old_files = FilesByMonth(*before), new_files = FilesByMonth(snapshot_);
  std::set<Month> changed;
  for (const auto& [month, files] : old_files) {
    const auto it = new_files.find(month);
    if (it == new_files.end() || it->second != files) changed.insert(month);
  }
  for (const auto& [month, files] : new_files) {
    if (!old_files.contains(month)) changed.insert(month);
  }
  return changed;
}

}  // namespace uw::warehouse
