#include "pipeline/gold/local_time.h"

#include <array>

#include "core/civil_time.h"
#include "core/error.h"
#include "core/time_zone.h"
#include "pipeline/gold/country_zones.h"

namespace uw::gold {
namespace {

using core::FloorDiv;

// The zones in use and, per zone, the offset period of the last instant converted there, so a
// run of plays in one period costs no tz lookup at all.
class ZoneCache {
 public:
  explicit ZoneCache(const GoldOptions& options) {
    Add(core::TimeZone::Named(options.listener_zone));  // throws kUsage naming an unknown zone
    by_country_.fill(kUnresolved);
  }

  // The zone index of a play in `country` ("" = unknown): its country's zone when it has one
  // that this machine's tz database knows, else the listener's.
  uint16_t ForCountry(std::string_view country) {
    if (country.size() != 2 || !IsAlpha(country[0]) || !IsAlpha(country[1])) return 0;
    int16_t& slot = by_country_[(Upper(country[0]) - 'A') * 26 + (Upper(country[1]) - 'A')];
    if (slot == kUnresolved) slot = Resolve(CountryZone(country));
    return uint16_t(slot);
  }

  int32_t OffsetAt(uint16_t zone, int64_t utc_seconds) {
    core::TimeZone::Period& period = periods_[zone];
    if (utc_seconds < period.begin_s || utc_seconds >= period.end_s)
      period = zones_[zone].PeriodAt(utc_seconds);
    return period.offset_s;
  }

  std::vector<std::string> Names() const {
    std::vector<std::string> names;
    for (const core::TimeZone& zone : zones_) names.push_back(zone.name());
    return names;
  }

 private:
  static constexpr int16_t kUnresolved = -1;
  static bool IsAlpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
  static char Upper(char c) { return c >= 'a' ? char(c - 32) : c; }

  int16_t Add(core::TimeZone zone) {
    zones_.push_back(std::move(zone));
    periods_.push_back({1, 0, 0});  // empty: the first lookup fills it
    return int16_t(zones_.size() - 1);
  }

  int16_t Resolve(std::string_view name) {
    if (name.empty()) return 0;
    for (size_t z = 0; z < zones_.size(); ++z) {
      if (zones_[z].name() == name) return int16_t(z);
    }
    try {
      return Add(core::TimeZone::Named(name));
    } catch (const Error&) {
      return 0;  // a tz database without this zone: the listener's zone, never a guess
    }
  }

  std::vector<core::TimeZone> zones_;
  std::vector<core::TimeZone::Period> periods_;
  std::array<int16_t, 26 * 26> by_country_;
};

}  // namespace

LocalClock ClockOf(int64_t local_seconds) {
  const int64_t days = FloorDiv(local_seconds, core::kSecondsPerDay);
  const int64_t second_of_day = local_seconds - days * core::kSecondsPerDay;
  // 1970-01-01 was a Thursday: day 0 is 3 days after a Monday.
  const int64_t since_monday = (days + 3) - FloorDiv(days + 3, 7) * 7;
  return {int32_t(days), int(second_of_day / 3600), int(since_monday) + 1};
}

LocalTimes ComputeLocalTimes(const parquet::ColumnVector& ended_at_us,
                             const parquet::ColumnVector* conn_country,
                             const GoldOptions& options) {
  ZoneCache zones(options);
  const bool by_country = options.zone_from_country && conn_country != nullptr;
  const size_t n = ended_at_us.size();
  LocalTimes out;
  out.zone_index.resize(n);
  out.offset_s.resize(n);
  out.local_date.resize(n);
  out.local_hour.resize(n);
  out.local_dow.resize(n);
  const auto ended = ended_at_us.int64s();
  for (size_t i = 0; i < n; ++i) {
    const int64_t utc_s = FloorDiv(ended[i], 1'000'000);
    uint16_t zone = 0;
    if (by_country && !conn_country->IsNull(i)) zone = zones.ForCountry(conn_country->GetString(i));
    const int32_t offset = zones.OffsetAt(zone, utc_s);
    const LocalClock clock = ClockOf(utc_s + offset);
    out.zone_index[i] = zone;
    out.offset_s[i] = offset;
    out.local_date[i] = clock.date;
    out.local_hour[i] = int8_t(clock.hour);
    out.local_dow[i] = int8_t(clock.dow);
  }
  out.zone_names = zones.Names();
  return out;
}

std::string_view PartOfDay(int hour) {
  return hour < 6 ? "night" : hour < 12 ? "morning" : hour < 18 ? "afternoon" : "evening";
}

std::string_view Season(int month) {
  static constexpr std::array<std::string_view, 12> kSeasons = {
      "winter", "winter", "spring", "spring", "spring", "summer",
      "summer", "summer", "autumn", "autumn", "autumn", "winter"};
  return kSeasons[(month - 1) % 12];
}

std::vector<parquet::Field> LocalTimeFields() {
  using parquet::ColumnType;
  return {
      {"local_ts", ColumnType::kString, false},
      {"local_utc_offset_s", ColumnType::kInt32, false},
      {"local_tz", ColumnType::kString, false},
      {"local_date", ColumnType::kDate, false},
      {"local_year", ColumnType::kInt32, false},
      {"local_month", ColumnType::kInt32, false},
      {"local_day", ColumnType::kInt32, false},
      {"local_hour", ColumnType::kInt32, false},
      {"local_dow", ColumnType::kInt32, false},
      {"is_weekend", ColumnType::kBoolean, false},
      {"part_of_day", ColumnType::kString, false},
      {"season", ColumnType::kString, false},
  };
}

size_t AppendLocalTime(parquet::Batch& rows, size_t c, int64_t ended_at_us, int32_t offset_s,
                       std::string_view zone) {
  const int64_t local_s = FloorDiv(ended_at_us, 1'000'000) + offset_s;
  const LocalClock clock = ClockOf(local_s);
  const core::CivilDate date = core::CivilFromDays(clock.date);
  const int64_t second_of_day = local_s - int64_t(clock.date) * core::kSecondsPerDay;
  // "YYYY-MM-DDTHH:MM:SS" without an allocation per row.
  char ts[20];
  const auto two = [](char* at, int v) {
    at[0] = char('0' + v / 10);
    at[1] = char('0' + v % 10);
  };
  two(ts, date.year / 100 % 100);
  two(ts + 2, date.year % 100);
  ts[4] = '-';
  two(ts + 5, date.month);
  ts[7] = '-';
  two(ts + 8, date.day);
  ts[10] = 'T';
  two(ts + 11, clock.hour);
  ts[13] = ':';
  two(ts + 14, int(second_of_day / 60 % 60));
  ts[16] = ':';
  two(ts + 17, int(second_of_day % 60));
  rows.column(c++).AppendString(std::string_view(ts, 19));
  rows.column(c++).AppendInt32(offset_s);
  rows.column(c++).AppendString(zone);
  rows.column(c++).AppendInt32(clock.date);
  rows.column(c++).AppendInt32(date.year);
  rows.column(c++).AppendInt32(date.month);
  rows.column(c++).AppendInt32(date.day);
  rows.column(c++).AppendInt32(clock.hour);
  rows.column(c++).AppendInt32(clock.dow);
  rows.column(c++).AppendBool(clock.dow >= 6);
  rows.column(c++).AppendString(PartOfDay(clock.hour));
  rows.column(c++).AppendString(Season(date.month));
  return c;
}

}  // namespace uw::gold
