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

namespace {

const std::vector<std::string> kPartsOfDay = {"night", "morning", "afternoon", "evening"};
const std::vector<std::string> kSeasons = {"winter", "spring", "summer", "autumn"};

int32_t PartOfDayIndex(int hour) { return hour < 6 ? 0 : hour < 12 ? 1 : hour < 18 ? 2 : 3; }

int32_t SeasonIndex(int month) {
  static constexpr std::array<int32_t, 12> kOfMonth = {0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 0};
  return kOfMonth[size_t(month - 1) % 12];
}

// "YYYY-MM-DDTHH:MM:SS" into `text`, without an allocation per row.
constexpr size_t kLocalTsChars = 19;
std::string_view FormatLocalTs(const core::CivilDate& date, int64_t second_of_day,
                               char (&text)[kLocalTsChars]) {
  const auto two = [](char* at, int v) {
    at[0] = char('0' + v / 10);
    at[1] = char('0' + v % 10);
  };
  two(text, date.year / 100 % 100);
  two(text + 2, date.year % 100);
  text[4] = '-';
  two(text + 5, date.month);
  text[7] = '-';
  two(text + 8, date.day);
  text[10] = 'T';
  two(text + 11, int(second_of_day / 3600));
  text[13] = ':';
  two(text + 14, int(second_of_day / 60 % 60));
  text[16] = ':';
  two(text + 17, int(second_of_day % 60));
  return {text, kLocalTsChars};
}

}  // namespace

std::string_view PartOfDay(int hour) { return kPartsOfDay[size_t(PartOfDayIndex(hour))]; }

std::string_view Season(int month) { return kSeasons[size_t(SeasonIndex(month))]; }

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

size_t AppendLocalTimes(parquet::Batch& rows, size_t c, std::span<const int64_t> ended_at_us,
                        std::span<const int32_t> offset_s, std::span<const uint16_t> zone_index,
                        const LabelCodes& zones) {
  static const LabelCodes parts_of_day(kPartsOfDay), seasons(kSeasons);
  const size_t n = ended_at_us.size();
  parquet::ColumnVector& ts = rows.column(c);
  parquet::ColumnVector& offset = rows.column(c + 1);
  parquet::ColumnVector& local_date = rows.column(c + 3);
  parquet::ColumnVector& year = rows.column(c + 4);
  parquet::ColumnVector& month = rows.column(c + 5);
  parquet::ColumnVector& day = rows.column(c + 6);
  parquet::ColumnVector& hour = rows.column(c + 7);
  parquet::ColumnVector& dow = rows.column(c + 8);
  parquet::ColumnVector& weekend = rows.column(c + 9);
  std::vector<int32_t> zone(n), part_of_day(n), season(n);
  for (size_t i = 0; i < n; ++i) {
    const int64_t local_s = FloorDiv(ended_at_us[i], 1'000'000) + offset_s[i];
    const LocalClock clock = ClockOf(local_s);
    const core::CivilDate date = core::CivilFromDays(clock.date);
    const int64_t second_of_day = local_s - int64_t(clock.date) * core::kSecondsPerDay;
    char text[kLocalTsChars];
    ts.AppendString(FormatLocalTs(date, second_of_day, text));
    offset.AppendInt32(offset_s[i]);
    local_date.AppendInt32(clock.date);
    year.AppendInt32(date.year);
    month.AppendInt32(date.month);
    day.AppendInt32(date.day);
    hour.AppendInt32(clock.hour);
    dow.AppendInt32(clock.dow);
    weekend.AppendBool(clock.dow >= 6);
    zone[i] = zone_index[i];
    part_of_day[i] = PartOfDayIndex(clock.hour);
    season[i] = SeasonIndex(date.month);
  }
  zones.AppendValues(rows.column(c + 2), zone);
  parts_of_day.AppendValues(rows.column(c + 10), part_of_day);
  seasons.AppendValues(rows.column(c + 11), season);
  return c + 12;
}

}  // namespace uw::gold
