// Analysis of the three play formats once the root value is known (internal to
// file_analyzer.cpp): validates every record and tallies the receipt numbers.
#pragma once

#include <simdjson.h>

#include "sources/spotify_export/file_analyzer.h"

namespace uw::spotify_export {

// An array of extended-history records (formats.md §2).
FileAnalysis AnalyzeExtendedArray(std::string_view file_name, simdjson::dom::array records);
// An array of account-data records (formats.md §1.2).
FileAnalysis AnalyzeAccountArray(std::string_view file_name, simdjson::dom::array records);
// The items array of a recently-played response (formats.md §3.1).
FileAnalysis AnalyzeRecentlyPlayedItems(simdjson::dom::array items);

}  // namespace uw::spotify_export
