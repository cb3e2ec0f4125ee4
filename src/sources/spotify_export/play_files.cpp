#include "sources/spotify_export/play_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <bit>

#include "core/civil_time.h"
#include "sources/spotify_export/file_names.h"
#include "sources/spotify_export/record_validator.h"

namespace uw::spotify_export {
namespace {

constexpr int64_t kMillisPerDay = 86400000;

// Accumulates the receipt numbers of one play file while its records are visited.
class Tally {
 public:
  explicit Tally(FileAnalysis& analysis) : a_(analysis) {}

  void Reject(uint64_t index, std::string_view reason) {
    ++total_;
    ++a_.rejected_records;
    if (a_.rejections.size() < kMaxListedRejections) {
      a_.rejections.push_back({index, std::string(reason)});
    }
  }

  void Accept(ContentType type, int64_t end_ms) {
    ++total_;
    ++a_.by_content_type[type];
    a_.first_end_ms = std::min(a_.first_end_ms.value_or(end_ms), end_ms);
    a_.last_end_ms = std::max(a_.last_end_ms.value_or(end_ms), end_ms);
    if (type != ContentType::kUnidentifiable) ++months_[MonthOf(end_ms)];
  }

  void Finish() {
    a_.records_total = total_;
    for (const auto& [month, count] : months_) {
      a_.records_by_month[fmt::format("{:04d}-{:02d}", month / 100, month % 100)] += count;
    }
    if (total_ > 0 && a_.rejected_records == total_) {
      a_.verdict = Verdict::kRejected;
      a_.message = fmt::format("all {} records were rejected", total_);
    } else if (a_.rejected_records > 0) {
      a_.message = fmt::format("{} of {} records rejected", a_.rejected_records, total_);
    }
  }

 private:
  // YYYYMM of an instant; exports are mostly sorted, so the last day is cached.
  int MonthOf(int64_t ms) {
    const int64_t day = core::FloorDiv(ms, kMillisPerDay);
    if (day != cached_day_) {
      const core::CivilDate d = core::CivilFromDays(day);
      cached_day_ = day;
      cached_month_ = d.year * 100 + d.month;
    }
    return cached_month_;
  }

  FileAnalysis& a_;
  uint64_t total_ = 0;
  std::map<int, uint64_t> months_;
  int64_t cached_day_ = INT64_MIN;
  int cached_month_ = 0;
};

Vintage ExtendedVintage(uint8_t keys) {
  if (keys & kHasLegacyKeys) return Vintage::kExtendedA;
  if (keys & kHasAudiobookKeys) return Vintage::kExtendedC;
  return Vintage::kExtendedB;
}

// Content decides between the per-type files; a legacy StreamingHistoryN.json is `mixed` even
// when every row looks like music, because that era wrote podcasts with artistName/trackName.
FileKind AccountKind(std::string_view file_name, uint8_t name_keys) {
  const int families = std::popcount(name_keys);
  if (families > 1 || IsLegacyAccountFileName(file_name)) return FileKind::kAccountMixed;
  if (name_keys == kHasPodcastNames) return FileKind::kAccountPodcast;
  if (name_keys == kHasAudiobookNames) return FileKind::kAccountAudiobook;
  if (name_keys == 0) {
    const auto by_name = KindFromFileName(file_name);
    if (by_name == FileKind::kAccountPodcast || by_name == FileKind::kAccountAudiobook) {
      return *by_name;
    }
  }
  return FileKind::kAccountMusic;
}

}  // namespace

FileAnalysis AnalyzeExtendedArray(std::string_view file_name, simdjson::dom::array records) {
  FileAnalysis a;
  const bool video = IsVideoFileName(file_name);
  a.kind = video ? FileKind::kExtendedVideo : FileKind::kExtendedAudio;
  Tally tally(a);
  uint8_t keys = 0;
  ForEachExtendedRecord(records, video,
                        [&](uint64_t index, const ExtendedRecord* r, std::string_view reason) {
                          if (!r) return tally.Reject(index, reason);
                          keys |= r->schema_keys;
                          tally.Accept(r->content_type, r->ended_at_ms);
                        });
  tally.Finish();
  a.vintage = ExtendedVintage(keys);
  return a;
}

FileAnalysis AnalyzeAccountArray(std::string_view file_name, simdjson::dom::array records) {
  FileAnalysis a;
  a.naive_times = true;
  Tally tally(a);
  uint8_t keys = 0;
  ForEachAccountRecord(records,
                       [&](uint64_t index, const AccountRecord* r, std::string_view reason) {
                         if (!r) return tally.Reject(index, reason);
                         keys |= r->name_keys;
                         tally.Accept(r->content_type, r->ended_at_naive_s * 1000);
                       });
  tally.Finish();
  a.kind = AccountKind(file_name, keys);
  a.vintage = IsLegacyAccountFileName(file_name) ? Vintage::kAccountLegacy : Vintage::kAccountSplit;
  return a;
}

FileAnalysis AnalyzeRecentlyPlayedItems(simdjson::dom::array items) {
  FileAnalysis a;
  a.kind = FileKind::kRecentlyPlayed;
  Tally tally(a);
  ForEachRecentlyPlayedItem(
      items, [&](uint64_t index, const RecentlyPlayedItem* r, std::string_view reason) {
        if (!r) return tally.Reject(index, reason);
        a.newest_played_at_ms = std::max(a.newest_played_at_ms, r->played_at_ms);
        tally.Accept(r->content_type, r->played_at_ms);
      });
  tally.Finish();
  return a;
}

}  // namespace uw::spotify_export
