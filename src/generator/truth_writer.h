// Writes DIR/truth/: music_plays.jsonl and podcast_plays.jsonl (one JSON object per unique play,
// in the order truth.h defines; field contract in docs/generator.md) and summary.json (counts per
// file kind, duplicates by kind, unique plays by source combination, per-artist plays and
// ms_played per year, hazards). Not an input of the pipeline.
#pragma once

#include <filesystem>
#include <string>

#include "generator/account_writer.h"
#include "generator/api_writer.h"
#include "generator/extended_writer.h"
#include "generator/fixups.h"
#include "core/json.h"
#include "generator/truth.h"

namespace uw::generator {

struct ExportStats {
  ExtendedStats extended;
  AccountStats account;
  ApiStats api;
  FixupStats fixups;
};

// Writes the two JSONL files into `dir` (must exist). Throws Error(kIo).
void WriteTruthPlays(const Catalog& catalog, const Timeline& timeline, const Truth& truth,
                     const std::filesystem::path& dir);

// The summary document; `generator` describes the run (events, seed, zone).
core::Json TruthSummary(const Catalog& catalog, const Timeline& timeline, const Truth& truth,
                        const ExportStats& stats, core::Json generator);

}  // namespace uw::generator
