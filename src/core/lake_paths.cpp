#include "core/lake_paths.h"

#include <fmt/format.h>

#include "core/base64.h"
#include "core/civil_time.h"

namespace uw::lake {

std::string SafeFileName(std::string_view name) {
  const auto slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name = name.substr(slash + 1);
  std::string out;
  out.reserve(name.size());
  for (const char c : name) {
    const auto u = static_cast<unsigned char>(c);
    out.push_back(u < 0x20 || c == ':' || c == '\x7f' ? '_' : c);
  }
  if (out.empty() || out == "." || out == "..") out = "unnamed";
  return out;
}

std::string BronzeExport(std::string_view kind, std::string_view sha256_hex, std::string_view original_name) {
  return fmt::format("{}{}/{}__{}", kBronzeExportPrefix, kind, sha256_hex.substr(0, 16),
                     SafeFileName(original_name));
}

std::string BronzeRecentlyPlayed(int64_t epoch_millis, std::string_view name) {
  const core::CivilDate d = core::CivilFromDays(core::FloorDiv(epoch_millis, 86400000));
  return fmt::format("{}year={:04d}/month={:02d}/day={:02d}/{}", kBronzeRecentlyPlayedPrefix, d.year,
                     d.month, d.day, name);
}

std::string BronzeSpotifyObject(std::string_view kind, std::string_view id) {
  return fmt::format("{}{}/{}.json", kBronzeSpotifyApiPrefix, kind, core::Base64Url(id));
}

std::string BronzeSpotifySearch(std::string_view query) {
  return fmt::format("{}{}.json", kBronzeSpotifySearchPrefix, core::Base64Url(query));
}

std::string Receipt(std::string_view receipt_id) {
  return fmt::format("{}{}.json", kReceiptsPrefix, receipt_id);
}

std::string BuildState(std::string_view layer) {
  return fmt::format("_state/builds/{}.json", layer);
}

std::string SilverTable(std::string_view table) { return fmt::format("silver/{}/", table); }
std::string GoldTable(std::string_view table) { return fmt::format("gold/{}/", table); }

std::string DeltaLogPrefix(std::string_view table_root) {
  if (!table_root.empty() && table_root.back() == '/') table_root.remove_suffix(1);
  return fmt::format("{}/_delta_log/", table_root);
}

std::string DeltaCommit(std::string_view table_root, int64_t version) {
  return fmt::format("{}{:020d}.json", DeltaLogPrefix(table_root), version);
}

}  // namespace uw::lake
