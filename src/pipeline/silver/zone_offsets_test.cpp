// ZoneOffsets must answer exactly as core::TimeZone does: checked minute by minute around every
// transition of zones with DST, half-hour shifts and a skipped day, and at random instants.
#include "pipeline/silver/zone_offsets.h"

#include <gtest/gtest.h>

#include <random>

namespace uw::silver {
namespace {

constexpr int64_t k2010 = 1'262'304'000, k2026 = 1'767'225'600;  // UTC seconds

void ExpectSameAsZone(const std::string& name) {
  const core::TimeZone zone = core::TimeZone::Named(name);
  const ZoneOffsets offsets(zone, k2010, k2026);
  std::vector<int64_t> instants;
  for (int64_t t = k2010; t < k2026;) {  // three hours either side of every transition
    const core::TimeZone::Period p = zone.PeriodAt(t);
    for (int64_t s = p.end_s - 3 * 3600; s <= p.end_s + 3 * 3600; s += 60) instants.push_back(s);
    if (p.end_s <= t || p.end_s > k2026) break;
    t = p.end_s;
  }
  std::mt19937_64 rng(7);
  for (int i = 0; i < 20000; ++i) instants.push_back(k2010 + int64_t(rng() % (k2026 - k2010)));
  std::vector<int64_t> got;
  for (const int64_t t : instants) {
    ASSERT_EQ(offsets.OffsetSeconds(t), zone.OffsetSeconds(t)) << name << " at " << t;
    const int64_t local = t / 60 * 60;  // account rows are wall-clock minutes
    offsets.FromLocal(local, got);
    ASSERT_EQ(got, zone.FromLocal(local)) << name << " local " << local;
  }
}

TEST(ZoneOffsets, MatchesTheTimeZoneEverywhere) {
  for (const char* name : {"UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
                           "Pacific/Apia", "Asia/Kolkata", "America/Sao_Paulo", "Etc/GMT-3"}) {
    ExpectSameAsZone(name);
  }
}

TEST(ZoneOffsets, OutsideTheRangeAsksTheZone) {
  const core::TimeZone berlin = core::TimeZone::Named("Europe/Berlin");
  const ZoneOffsets offsets(berlin, k2010, k2010 + 86400);
  const int64_t summer_2020 = 1'593'561'600;  // 2020-07-01, CEST
  EXPECT_EQ(offsets.OffsetSeconds(summer_2020), 7200);
  std::vector<int64_t> got;
  offsets.FromLocal(summer_2020, got);
  EXPECT_EQ(got, std::vector<int64_t>{summer_2020 - 7200});
}

TEST(ZoneOffsets, ListsTheOffsetsOfTheRange) {
  const ZoneOffsets berlin(core::TimeZone::Named("Europe/Berlin"), k2010, k2026);
  EXPECT_EQ(berlin.offsets(), (std::vector<int>{3600, 7200}));
  const ZoneOffsets utc(core::TimeZone::Utc(), k2010, k2026);
  EXPECT_EQ(utc.offsets(), std::vector<int>{0});
}

}  // namespace
}  // namespace uw::silver
