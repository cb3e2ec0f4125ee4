// Renders one play as an extended-streaming-history record of a given vintage (formats.md §2.3):
// A (endsong era) has 21 keys with username, ip_addr_decrypted and user_agent_decrypted, written
// compact on one line; B has 19 keys (ip_addr); C has 23 (B plus the audiobook_* keys), both
// pretty-printed. The same play renders differently per vintage where real exports differ: the
// endsong export leaves `skipped` null, later ones say false before 2022-10-16; the newest shows
// coarse platform names. Thread safe (const).
#pragma once

#include <string>
#include <vector>

#include "generator/catalog.h"
#include "generator/holdings.h"
#include "generator/play.h"

namespace uw::generator {

enum class RecordVariant : uint8_t {
  kOriginal,
  kOfflineSync,  // the same play logged again by an offline sync: offline fields differ (§8.1)
};

class ExtendedRecord {
 public:
  ExtendedRecord(const Catalog& catalog, const Timeline& timeline, std::string username);

  // Appends the record (without a separator) to `out`.
  void Append(std::string& out, const Play& play, Vintage vintage, RecordVariant variant) const;

  static int KeyCount(Vintage vintage) {
    return vintage == Vintage::kA ? 21 : vintage == Vintage::kB ? 19 : 23;
  }
  static bool Pretty(Vintage vintage) { return vintage != Vintage::kA; }

 private:
  class Writer;
  void AppendContent(Writer& w, const Play& play, Vintage vintage) const;
  void AppendMusicFields(Writer& w, const Play& play) const;
  void AppendFlags(Writer& w, const Play& play, Vintage vintage, RecordVariant variant) const;

  const Catalog& catalog_;
  const Timeline& timeline_;
  std::string username_json_;
  // JSON literals computed once: per session IP, per platform (detailed, coarse), per country.
  std::vector<std::string> ip_json_, detailed_json_, coarse_json_, country_json_;
};

// "2021-11-15T13:41:44Z" appended without allocation.
void AppendIsoSeconds(std::string& out, int64_t epoch_seconds);

}  // namespace uw::generator
