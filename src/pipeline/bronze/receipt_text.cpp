// The receipt as a readable table: one line per file, then the problems, then the totals.
#include <fmt/format.h>

#include <map>

#include "core/civil_time.h"
#include "core/lake_paths.h"
#include "pipeline/bronze/receipt.h"

namespace uw::bronze {
namespace {

using spotify_export::ContentType;

std::string Day(const std::optional<int64_t>& ms) {
  return ms ? core::FormatDate(core::FloorDiv(*ms, 86400000)) : std::string("-");
}

std::string Range(const std::optional<int64_t>& first, const std::optional<int64_t>& last) {
  if (!first) return "-";
  return Day(first) + ".." + Day(last);
}

std::string StatusLabel(FileStatus s) {
  return s == FileStatus::kAlreadyPresent ? "already in bronze" : std::string(StatusName(s));
}

void AppendRow(std::string& out, const FileEntry& f) {
  const ContentCounts& c = f.by_content_type;
  const bool plays = f.records_total > 0 || f.first_end_ms;
  out += fmt::format("{:<17} {:<17} {:<6} ", StatusLabel(f.status), f.kind,
                     f.vintage.empty() ? "-" : f.vintage);
  if (plays) {
    out += fmt::format("{:>8} {:>8} {:>8} {:>9} {:>6} {:>7} {:>8}  {:<22} ", f.records_total,
                       c[ContentType::kMusic], c[ContentType::kPodcast], c[ContentType::kAudiobook],
                       c[ContentType::kVideo], c[ContentType::kUnidentifiable], f.rejected_records,
                       Range(f.first_end_ms, f.last_end_ms));
  } else {
    out += fmt::format("{:>8} {:>8} {:>8} {:>9} {:>6} {:>7} {:>8}  {:<22} ", "-", "", "", "", "",
                       "", "", "");
  }
  out += f.name + "\n";
}

void AppendProblems(std::string& out, const std::vector<FileEntry>& files) {
  std::string problems;
  for (const FileEntry& f : files) {
    if (f.status == FileStatus::kRejected) {
      problems += fmt::format("  {}: {}\n", f.name, f.message);
    }
    for (const auto& r : f.rejections) {
      problems += fmt::format("  {}: record {}: {}\n", f.name, r.index, r.reason);
    }
    if (f.rejected_records > f.rejections.size()) {
      problems += fmt::format("  {}: {} more rejected records (all are counted in the receipt)\n",
                              f.name, f.rejected_records - f.rejections.size());
    }
  }
  if (!problems.empty()) out += "\nRejected:\n" + problems;
}

// Files already in bronze are listed one by one only when there are few of them: polling
// leaves many identical recently-played responses, and a re-import repeats every file.
constexpr size_t kMaxListedAlreadyPresent = 5;

void AppendNotes(std::string& out, const std::vector<FileEntry>& files, bool naive) {
  std::string notes;
  size_t already = 0;
  for (const FileEntry& f : files) already += f.status == FileStatus::kAlreadyPresent;
  for (const FileEntry& f : files) {
    const bool list_already =
        f.status == FileStatus::kAlreadyPresent && already <= kMaxListedAlreadyPresent;
    if (f.status == FileStatus::kIgnored || list_already ||
        (f.status == FileStatus::kLanded && !f.message.empty() && f.rejected_records == 0)) {
      notes += fmt::format("  {}: {}\n", f.name, f.message);
    }
  }
  if (already > kMaxListedAlreadyPresent) {
    notes += fmt::format("  {} files were already in bronze (the same bytes landed before or earlier in this "
                         "import); they are marked in the table above\n",
                         already);
  }
  if (naive) {
    notes += "  account-data times are shown as written (their zone is decided at build)\n";
  }
  if (!notes.empty()) out += "\nNotes:\n" + notes;
}

}  // namespace

std::string ReceiptByKindToText(const Receipt& r) {
  struct Row {
    uint64_t files = 0, landed = 0, records = 0, rejected = 0;
    ContentCounts counts;
  };
  std::map<std::string, Row> rows;
  for (const FileEntry& f : r.files) {
    Row& row = rows[f.status == FileStatus::kIgnored ? "(ignored)" : f.kind];
    ++row.files;
    row.landed += f.status == FileStatus::kLanded;
    row.records += f.records_total;
    row.rejected += f.rejected_records;
    for (size_t t = 0; t < spotify_export::kContentTypeCount; ++t) {
      row.counts[static_cast<ContentType>(t)] += f.by_content_type[static_cast<ContentType>(t)];
    }
  }
  std::string out = fmt::format("{:<18} {:>6} {:>7} {:>9} {:>8} {:>8} {:>9} {:>6} {:>7} {:>8}\n", "KIND",
                                "FILES", "LANDED", "RECORDS", "MUSIC", "PODCAST", "AUDIOBOOK", "VIDEO",
                                "UNIDENT", "REJECTED");
  for (const auto& [kind, row] : rows) {
    const ContentCounts& c = row.counts;
    out += fmt::format("{:<18} {:>6} {:>7} {:>9} {:>8} {:>8} {:>9} {:>6} {:>7} {:>8}\n", kind, row.files,
                       row.landed, row.records, c[ContentType::kMusic], c[ContentType::kPodcast],
                       c[ContentType::kAudiobook], c[ContentType::kVideo],
                       c[ContentType::kUnidentifiable], row.rejected);
  }
  return out;
}

std::string ReceiptToText(const Receipt& r) {
  std::string out =
      fmt::format("Import {} into {}\nReceipt: {}\n\n", r.id, r.lake, lake::Receipt(r.id));
  out += fmt::format("{:<17} {:<17} {:<6} {:>8} {:>8} {:>8} {:>9} {:>6} {:>7} {:>8}  {:<22} {}\n",
                     "STATUS", "KIND", "VINT.", "RECORDS", "MUSIC", "PODCAST", "AUDIOBOOK", "VIDEO",
                     "UNIDENT", "REJECTED", "FIRST..LAST END", "FILE");
  for (const FileEntry& f : r.files) AppendRow(out, f);
  AppendProblems(out, r.files);
  const ReceiptTotals& t = r.totals;
  AppendNotes(out, r.files, t.naive_times);
  const ContentCounts& c = t.by_content_type;
  out += fmt::format(
      "\nFiles: {} ({} landed, {} already in bronze, {} rejected, {} ignored)\n"
      "Records: {} ({} music, {} podcast, {} audiobook, {} video, {} unidentifiable, {} "
      "rejected)\n",
      t.files, t.landed, t.already_present, t.rejected, t.ignored, t.records_total,
      c[ContentType::kMusic], c[ContentType::kPodcast], c[ContentType::kAudiobook],
      c[ContentType::kVideo], c[ContentType::kUnidentifiable], t.rejected_records);
  if (t.first_end_ms) out += fmt::format("Time range: {}\n", Range(t.first_end_ms, t.last_end_ms));
  return out;
}

}  // namespace uw::bronze
