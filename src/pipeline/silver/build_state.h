// _state/builds/silver.json: what the last silver build consumed and what an incremental build
// needs to extend it without re-reading all of bronze (incremental.h). Written after every
// build that committed; an absent or unreadable file just means "build everything".
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "pipeline/silver/catalog.h"
#include "storage/object_store.h"

namespace uw::silver {

struct SilverState {
  std::string options;                      // fingerprint of the options that shape rows
  std::map<std::string, uint64_t> bronze;   // bronze key -> size, every object consumed
  std::map<std::string, int64_t> versions;  // table -> Delta version after the build
  std::string account_zone;                 // the zone decision applied
  int64_t newest_play_end_ms = 0;           // over music and podcast plays
  int64_t newest_account_end_ms = 0;        // of plays account data saw
  // NameKey of every music play identified by names only -> the URI it resolved to ("" none).
  std::map<std::string, std::string> name_only_keys;
  LearnedIds learned;  // catalog.h
};

// The bronze objects a silver build reads: export files, recently-played responses, Spotify
// catalogue responses (spotify_objects.h) and track search responses (search_responses.h), in
// two listings.
std::map<std::string, uint64_t> ListSilverInputs(const storage::ObjectStore& lake);
// The Spotify catalogue responses among `inputs`, in key order.
std::vector<std::string> CatalogueKeys(const std::map<std::string, uint64_t>& inputs);

std::optional<SilverState> ReadSilverState(const storage::ObjectStore& lake);
void WriteSilverState(storage::ObjectStore& lake, const SilverState& state);

}  // namespace uw::silver
