// The warehouse `load` and `run hourly` write to: the URL given, else sqlite:<lake>/warehouse.db.
#pragma once

#include <string>
#include <string_view>

#include "storage/object_store.h"
#include "warehouse/warehouse_url.h"

namespace uw::cli {

// Throws Error(kUsage) when no URL is given and the lake is not a local folder; `example` is
// how the user names a warehouse with this command (shown in that message).
warehouse::WarehouseUrl LoadTarget(const storage::ObjectStore& lake, const std::string& url,
                                   std::string_view example);

}  // namespace uw::cli
