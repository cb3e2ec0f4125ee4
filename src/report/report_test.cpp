// The entry point: the period flags and the written file.
#include "report/report.h"

#include <gtest/gtest.h>

#include "core/civil_time.h"
#include "core/error.h"
#include "storage/memory_store.h"
#include "testing/testing.h"

namespace uw::report {
namespace {

ErrorCode CodeOf(const ReportOptions& options) {
  try {
    PeriodFor(options);
  } catch (const Error& e) {
    return e.code();
  }
  return ErrorCode::kInternal;
}

TEST(Report, PeriodFromYearOrDates) {
  ReportOptions year;
  year.year = 2024;
  const Period y = PeriodFor(year);
  EXPECT_EQ(y.from_day, core::DaysFromCivil(2024, 1, 1));
  EXPECT_EQ(y.to_day, core::DaysFromCivil(2024, 12, 31));
  EXPECT_EQ(y.label, "2024");

  ReportOptions range;
  range.from = "2024-02-29";
  const Period r = PeriodFor(range);
  EXPECT_EQ(r.from_day, core::DaysFromCivil(2024, 2, 29));
  EXPECT_FALSE(r.Contains(r.from_day - 1));
  EXPECT_TRUE(r.Contains(r.from_day + 10000));
  EXPECT_EQ(r.label, "since 2024-02-29");
  EXPECT_FALSE(PeriodFor(ReportOptions{}).bounded());
}

TEST(Report, BadPeriodsAreUsageErrors) {
  ReportOptions o;
  o.from = "2023-02-29";
  EXPECT_EQ(CodeOf(o), ErrorCode::kUsage);
  o.from = "2024-1-01";
  EXPECT_EQ(CodeOf(o), ErrorCode::kUsage);
  o.from = "2024-05-01";
  o.to = "2024-04-30";
  EXPECT_EQ(CodeOf(o), ErrorCode::kUsage);
  o = {};
  o.year = 2024;
  o.to = "2024-04-30";
  EXPECT_EQ(CodeOf(o), ErrorCode::kUsage);
}

TEST(Report, WithoutGoldNothingIsWritten) {
  storage::MemoryStore lake("report-without-gold");
  testing::TempDir dir;
  ReportOptions o;
  o.out = dir / "r.html";
  EXPECT_THROW(Report(lake, o), Error);
  EXPECT_FALSE(std::filesystem::exists(o.out));
}

}  // namespace
}  // namespace uw::report
