// Reads every play record silver needs back out of bronze (DESIGN §2): extended streaming
// history (all vintages, audio and video files), account-data streaming history (music, podcast,
// audiobook and legacy mixed files) and recently-played API responses. Records are validated
// with the same functions import uses (spotify_export/record_validator.h), so silver skips
// exactly the records the receipt rejected; records with no identity are counted, not kept.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/silver/play_record.h"
#include "storage/object_store.h"

namespace uw::silver {

struct SourceCounts {
  uint64_t files = 0;
  uint64_t unreadable_files = 0;     // not valid JSON as a whole (import would not land these)
  uint64_t records = 0;              // valid records kept as plays
  uint64_t rejected_records = 0;     // failed validation
  uint64_t no_identity_records = 0;  // no track, episode or audiobook identity (§8.5)
};

// extended and api are sorted by ended_at_ms, equal times in bronze order (file key, then
// record); account is in bronze order and its ended_at_ms is the naive wall clock.
struct BronzePlays {
  std::vector<PlayRecord> extended, account, api;
  SourceCounts extended_counts, account_counts, api_counts;
};

// Lists and reads bronze/spotify_export/ and bronze/spotify_api/recently_played/.
BronzePlays ReadBronzePlays(const storage::ObjectStore& lake);
// The same for just these bronze keys (an incremental build's new files).
BronzePlays ReadBronzePlays(const storage::ObjectStore& lake, const std::vector<std::string>& keys);

}  // namespace uw::silver
