#include "pipeline/tables/published_summary.h"

#include <fmt/format.h>

#include "core/text.h"

namespace uw::tables {

std::string Thousands(uint64_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string PublishedTableLine(const PublishedTable& t) {
  const size_t total = t.partitions_written + t.partitions_unchanged;
  std::string what;
  if (!t.committed) {
    what = "unchanged";
  } else if (t.version == 0) {
    what = total > 1 || t.partitions_written > 1 ? fmt::format("written, {} partitions", total)
                                                 : "written";
  } else if (t.rewritten.size() == 1 && t.rewritten[0] == "table") {
    what = "rewritten";
  } else {
    what = fmt::format("rewrote {} of {} partitions", t.partitions_written, total);
    if (!t.rewritten.empty() && t.rewritten.size() <= 4)
      what += " (" + fmt::format("{}", fmt::join(t.rewritten, ", ")) + ")";
    if (t.partitions_removed) what += fmt::format(", removed {}", t.partitions_removed);
  }
  std::string line =
      fmt::format("    {:<20} {:>11} rows  v{:<3} {}", t.name, Thousands(t.rows), t.version, what);
  if (t.orphans_removed)
    line += fmt::format(" ({} files of an interrupted build removed)", t.orphans_removed);
  return line;
}

std::string PublishedTablesJson(const std::vector<PublishedTable>& tables) {
  std::string json = "[";
  for (size_t i = 0; i < tables.size(); ++i) {
    const PublishedTable& t = tables[i];
    std::string rewritten;
    for (const std::string& p : t.rewritten)
      rewritten += (rewritten.empty() ? "" : ",") + core::JsonString(p);
    json += fmt::format(
        "{}{{\"name\":{},\"rows\":{},\"version\":{},\"committed\":{},\"partitions_written\":{},"
        "\"partitions_unchanged\":{},\"partitions_removed\":{},\"bytes_written\":{},"
        "\"orphans_removed\":{},\"rewritten\":[{}]}}",
        i ? "," : "", core::JsonString(t.name), t.rows, t.version, t.committed,
        t.partitions_written, t.partitions_unchanged, t.partitions_removed, t.bytes_written,
        t.orphans_removed, rewritten);
  }
  return json + "]";
}

}  // namespace uw::tables
