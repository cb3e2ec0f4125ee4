// Content-based analysis of one export file (DESIGN §8.8, formats.md §7.1): detects its kind
// and vintage, validates every record, and counts what the import receipt reports. The same
// bytes always give the same analysis. Never throws for bad content: a file that cannot be used
// comes back kRejected or kIgnored with a message. Thread safe with one parser per thread.
//
// Decisions on bad and odd input:
// - 0 bytes: rejected, "file is empty". Whitespace only: rejected.
// - "%PDF…", or anything whose first non-blank byte is not '[' or '{': ignored (listed).
// - A leading UTF-8 byte-order mark is accepted and skipped for parsing (Windows editors add
//   one when a file is re-saved; the JSON after it is intact). Bronze keeps the bytes as given,
//   so readers of bronze must skip it too: use ParseExportJson.
// - Not valid JSON as a whole (truncated, trailing data, invalid UTF-8): rejected, never salvaged.
// - One play object instead of an array, or an object wrapping an array of plays
//   ({"data":[…plays…]}): rejected, because Spotify never writes these shapes and the user
//   would otherwise lose the plays silently; the message says what was found.
// - JSON of no known shape: kind `other`, accepted, not an error.
// - "[]": an empty export, kind from a well-known file name, else `other`.
// - A play file whose every record is rejected: rejected (nothing in it is usable).
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sources/spotify_export/export_kinds.h"

namespace uw::spotify_export {

struct RejectedRecord {
  uint64_t index = 0;  // 0-based position in the file's array
  std::string reason;  // e.g. "\"ms_played\" is a string (\"123\"), expected an integer"
};
inline constexpr size_t kMaxListedRejections = 20;

enum class Verdict { kAccepted, kRejected, kIgnored };

struct FileAnalysis {
  Verdict verdict = Verdict::kAccepted;
  FileKind kind = FileKind::kNone;
  Vintage vintage = Vintage::kNone;
  // Play files: records_total == by_content_type.Total() + rejected_records, always.
  uint64_t records_total = 0;
  ContentCounts by_content_type;
  uint64_t rejected_records = 0;
  std::vector<RejectedRecord> rejections;  // the first kMaxListedRejections
  // End times of the valid records. Account data: the written wall clock read as if UTC
  // (naive_times), because its zone is decided later (DESIGN §3).
  std::optional<int64_t> first_end_ms, last_end_ms;
  bool naive_times = false;
  std::map<std::string, uint64_t> records_by_month;  // "YYYY-MM" -> identified plays
  int64_t newest_played_at_ms = 0;                   // recently played: names the bronze object
  uint64_t entries = 0;  // non-play files: top-level items (library entries, playlists, queries)
  std::string message;   // why it was rejected or ignored, or a note for the receipt
};

// Analyzes one file. `file_name` is used only where formats.md says names decide (see
// file_names.h). `padded`: bytes.data() is readable for SIMDJSON_PADDING bytes past the end,
// which saves a copy.
FileAnalysis AnalyzeExportFile(std::string_view file_name, std::string_view bytes,
                               simdjson::dom::parser& parser, bool padded = false);

// Parses a whole export file the way import judged it (BOM skipped). Returns the simdjson error
// on failure.
simdjson::simdjson_result<simdjson::dom::element> ParseExportJson(simdjson::dom::parser& parser,
                                                                  std::string_view bytes,
                                                                  bool padded = false);

}  // namespace uw::spotify_export
