// The import receipt: what `unwrapped import` did with every input file, and the accounting
// that proves no record was lost (issue item 5). Stored as JSON at lake::Receipt(id) and printed
// as a table or as that JSON. Invariant, per file and in total:
//   records_total == by_content_type.Total() + rejected_records.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sources/spotify_export/export_kinds.h"
#include "sources/spotify_export/file_analyzer.h"
#include "storage/object_store.h"

namespace uw::bronze {

using spotify_export::ContentCounts;
using spotify_export::RejectedRecord;

enum class FileStatus { kLanded, kAlreadyPresent, kRejected, kIgnored };
// "landed", "already_present", "rejected", "ignored".
std::string_view StatusName(FileStatus status);
std::optional<FileStatus> StatusFromName(std::string_view name);

struct FileEntry {
  std::string name;        // as given; "export.zip!dir/file.json" for archive members
  std::string bronze_key;  // where the bytes are (landed or already present), else ""
  std::string kind;        // spotify_export::KindName: the detected kind, "none" when unknown
  std::string vintage;     // "A", "B", "C", "legacy", "split" or ""
  std::string sha256;      // of the bytes, "" when they could not be read
  uint64_t size_bytes = 0;
  FileStatus status = FileStatus::kRejected;
  uint64_t records_total = 0;
  ContentCounts by_content_type;
  uint64_t rejected_records = 0;
  std::vector<RejectedRecord> rejections;  // the first spotify_export::kMaxListedRejections
  // End times of the valid records; for account data the written wall clock read as UTC
  // (naive_times: the zone is decided later, DESIGN §3).
  std::optional<int64_t> first_end_ms, last_end_ms;
  bool naive_times = false;
  std::map<std::string, uint64_t> records_by_month;  // "YYYY-MM" -> identified plays
  uint64_t entries = 0;                              // non-play files: top-level items
  std::string message;  // why rejected or ignored, "already in bronze", or a note
};

struct ReceiptTotals {
  uint64_t files = 0, landed = 0, already_present = 0, rejected = 0, ignored = 0;
  uint64_t records_total = 0;
  ContentCounts by_content_type;
  uint64_t rejected_records = 0;
  std::optional<int64_t> first_end_ms, last_end_ms;
  bool naive_times = false;  // some of the range comes from account data
};

struct Receipt {
  std::string id;  // sortable by time: 20261121T101500Z-3fa2c1
  int64_t started_at_ms = 0;
  int64_t finished_at_ms = 0;
  std::string lake;                 // the lake URL
  std::vector<std::string> inputs;  // the paths as given
  std::vector<FileEntry> files;     // in input order
  ReceiptTotals totals;
};

// Sums the files (status counts, records, the overall time range).
ReceiptTotals ComputeTotals(const std::vector<FileEntry>& files);

// A new receipt id from a time: "YYYYMMDDTHHMMSSZ-" + 6 random hex digits.
std::string NewReceiptId(int64_t now_ms);

// 0 when every input was usable; 3 (partial) when some files or records were rejected but
// something landed or was already present; 1 when nothing usable was found at all.
int ExitCodeFor(const Receipt& receipt);

std::string ReceiptToJson(const Receipt& receipt);
// Throws Error(kCorrupt) when `json` is not a receipt.
Receipt ReceiptFromJson(std::string_view json);
// A readable table of the files, the problems (rejected files and records) and the totals.
std::string ReceiptToText(const Receipt& receipt);
// A short form: one line per kind of file with its record counts (for the demo).
std::string ReceiptByKindToText(const Receipt& receipt);

// Every receipt stored in the lake, oldest first (for `status`). Throws Error(kCorrupt) naming
// the object when one cannot be read.
std::vector<Receipt> LoadReceipts(const storage::ObjectStore& lake);

}  // namespace uw::bronze
