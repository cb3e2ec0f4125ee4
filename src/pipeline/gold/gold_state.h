// _state/builds/gold.json: what the last gold build read (each silver table's Delta version)
// and produced (each gold table's version), under which options. Gold is up to date when all
// three still match; an absent or unreadable file just means "build".
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "storage/object_store.h"

namespace uw::gold {

struct GoldState {
  std::string options;                      // fingerprint of the options that shape rows
  std::map<std::string, int64_t> silver;    // silver table -> Delta version read
  std::map<std::string, int64_t> versions;  // gold table -> Delta version after the build
};

std::optional<GoldState> ReadGoldState(const storage::ObjectStore& lake);
void WriteGoldState(storage::ObjectStore& lake, const GoldState& state);

}  // namespace uw::gold
