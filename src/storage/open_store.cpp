#include "core/error.h"
#include "storage/local_store.h"
#include "storage/memory_store.h"

namespace uw::storage {

std::unique_ptr<ObjectStore> OpenStore(const std::string& url) {
  if (url.rfind("memory://", 0) == 0) return std::make_unique<MemoryStore>(url.substr(9));
  if (url.rfind("file://", 0) == 0) return std::make_unique<LocalStore>(url.substr(7));
  const auto scheme = url.find("://");
  if (scheme != std::string::npos) {
    Fail(ErrorCode::kUsage, "lake URL {}: unsupported scheme \"{}\" (expected file:// or a path)", url,
         url.substr(0, scheme));
  }
  return std::make_unique<LocalStore>(url);
}

}  // namespace uw::storage
