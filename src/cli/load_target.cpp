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
  std::string address = "sqlite:" + (*root / "warehouse.db").string();
  // A lake folder with '?' in its path: the trailing '?' keeps it out of the parameters.
  if (address.find('?') != std::string::npos) address += '?';
  return warehouse::ParseWarehouseUrl(address);
}

}  // namespace uw::cli
