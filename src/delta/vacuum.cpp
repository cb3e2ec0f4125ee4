#include "delta/vacuum.h"

#include "delta/snapshot.h"

namespace uw::delta {
namespace {

constexpr int64_t kMillisPerHour = 3'600'000;

bool IsHidden(std::string_view relative_path) {
  size_t start = 0;
  while (start < relative_path.size()) {
    if (relative_path[start] == '_' || relative_path[start] == '.') return true;
    const size_t slash = relative_path.find('/', start);
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return false;
}

}  // namespace

std::vector<std::string> VacuumUnreferenced(storage::ObjectStore& store,
                                            std::string_view table_root, int64_t retention_hours,
                                            int64_t now_ms) {
  const auto snapshot = ReadSnapshot(store, table_root);
  if (!snapshot) return {};
  const std::string prefix = DataFileKey(table_root, "");
  const int64_t cutoff_ms = now_ms - retention_hours * kMillisPerHour;
  std::vector<std::string> deleted;
  for (const auto& info : store.List(prefix)) {
    const std::string_view relative = std::string_view(info.key).substr(prefix.size());
    if (IsHidden(relative) || snapshot->live_files.count(std::string(relative)) != 0) continue;
    if (info.modified_ms >= cutoff_ms) continue;
    if (store.Delete(info.key)) deleted.push_back(info.key);
  }
  return deleted;
}

}  // namespace uw::delta
