#include "core/secrets.h"

#include <algorithm>
#include <mutex>
#include <shared_mutex>
#include <vector>

namespace uw::core {
namespace {

constexpr size_t kMinSecretLength = 6;
constexpr std::string_view kRedacted = "<redacted>";

struct Registry {
  std::shared_mutex mutex;
  std::vector<std::string> secrets;  // longest first, so a secret containing another goes whole
};

Registry& TheRegistry() {
  static Registry registry;
  return registry;
}

void ReplaceAll(std::string& text, std::string_view secret) {
  size_t pos = 0;
  while ((pos = text.find(secret, pos)) != std::string::npos) {
    text.replace(pos, secret.size(), kRedacted);
    pos += kRedacted.size();
  }
}

}  // namespace

void RegisterSecret(std::string value) {
  if (value.size() < kMinSecretLength) return;
  Registry& registry = TheRegistry();
  std::unique_lock lock(registry.mutex);
  auto& secrets = registry.secrets;
  if (std::find(secrets.begin(), secrets.end(), value) != secrets.end()) return;
  auto at = std::find_if(secrets.begin(), secrets.end(),
                         [&](const std::string& s) { return s.size() < value.size(); });
  secrets.insert(at, std::move(value));
}

std::string Redact(std::string_view text) {
  std::string out(text);
  Registry& registry = TheRegistry();
  std::shared_lock lock(registry.mutex);
  for (const std::string& secret : registry.secrets) ReplaceAll(out, secret);
  return out;
}

}  // namespace uw::core
