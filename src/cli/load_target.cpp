#include "cli/load_target.h"

#include "core/error.h"

namespace uw::cli {

warehouse::WarehouseUrl LoadTarget(const storage::ObjectStore& lake, const std::string& url,
                                   std::string_view example) {
  if (!url.empty()) return warehouse::ParseWarehouseUrl(url);
  const auto root = lake.LocalRoot();
  if (!root) {
    Fail(ErrorCode::kUsage, "the lake {} is not a local folder: name the warehouse, e.g. {}",
         lake.Url(), example);
  }
  return warehouse::ParseWarehouseUrl("sqlite:" + (*root / "warehouse.db").string());
}

}  // namespace uw::cli
