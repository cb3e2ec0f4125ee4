// The account-data files other than streaming history (formats.md §1.3): YourLibrary.json (the
// one file with track URIs), Playlist1.json, SearchQueries.json (one row per keystroke),
// Userdata.json (fake personal data) and Read_Me_First.pdf. Importers land them as `other`.
#pragma once

#include <filesystem>
#include <string>

#include "generator/account_writer.h"
#include "generator/catalog.h"
#include "generator/play.h"
#include "generator/rng.h"

namespace uw::generator {

// Writes the files into `dir` and lists them in stats.files. Throws Error(kIo).
void WriteAccountExtras(const Catalog& catalog, const Timeline& timeline,
                        const std::string& username, Rng rng, const std::filesystem::path& dir,
                        AccountStats& stats);

}  // namespace uw::generator
