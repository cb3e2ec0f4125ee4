#include "pipeline/bronze/receipt.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <random>

#include "core/civil_time.h"
#include "core/error.h"

namespace uw::bronze {
namespace {

constexpr std::array<std::string_view, 4> kStatusNames = {"landed", "already_present", "rejected",
                                                          "ignored"};

void Widen(std::optional<int64_t>& first, std::optional<int64_t>& last, const FileEntry& f) {
  if (f.first_end_ms) first = std::min(first.value_or(*f.first_end_ms), *f.first_end_ms);
  if (f.last_end_ms) last = std::max(last.value_or(*f.last_end_ms), *f.last_end_ms);
}

}  // namespace

std::string_view StatusName(FileStatus status) { return kStatusNames[static_cast<size_t>(status)]; }

std::optional<FileStatus> StatusFromName(std::string_view name) {
  for (size_t i = 0; i < kStatusNames.size(); ++i) {
    if (kStatusNames[i] == name) return static_cast<FileStatus>(i);
  }
  return std::nullopt;
}

ReceiptTotals ComputeTotals(const std::vector<FileEntry>& files) {
  ReceiptTotals t;
  for (const FileEntry& f : files) {
    ++t.files;
    switch (f.status) {
      case FileStatus::kLanded:
        ++t.landed;
        break;
      case FileStatus::kAlreadyPresent:
        ++t.already_present;
        break;
      case FileStatus::kRejected:
        ++t.rejected;
        break;
      case FileStatus::kIgnored:
        ++t.ignored;
        break;
    }
    t.records_total += f.records_total;
    t.by_content_type.Add(f.by_content_type);
    t.rejected_records += f.rejected_records;
    Widen(t.first_end_ms, t.last_end_ms, f);
    t.naive_times = t.naive_times || (f.naive_times && f.first_end_ms);
  }
  return t;
}

std::string NewReceiptId(int64_t now_ms) {
  const core::CivilDateTime t = core::FromEpochMillis(now_ms);
  std::random_device rd;
  return fmt::format("{:04d}{:02d}{:02d}T{:02d}{:02d}{:02d}Z-{:06x}", t.date.year, t.date.month,
                     t.date.day, t.hour, t.minute, t.second, rd() & 0xFFFFFF);
}

int ExitCodeFor(const Receipt& receipt) {
  const ReceiptTotals& t = receipt.totals;
  if (t.landed + t.already_present == 0) return kExitFailure;
  if (t.rejected > 0 || t.rejected_records > 0) return kExitPartial;
  return kExitOk;
}

}  // namespace uw::bronze
