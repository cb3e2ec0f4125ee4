#include "delta/file_stats.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/civil_time.h"
#include "core/error.h"

namespace uw::delta {
namespace {

using parquet::ColumnType;

TEST(FileStats, TimestampsMinTruncatedMaxRoundedUp) {
  const int64_t micros = core::ToEpochSeconds({{2021, 11, 18}, 2, 30, 0, 0}) * 1'000'000 + 123'456;
  FileStats stats{10, {{"ended_at", ColumnType::kTimestamp, micros, micros, 2}}};
  EXPECT_EQ(StatsJson(stats),
            R"({"numRecords":10,"minValues":{"ended_at":"2021-11-18T02:30:00.123Z"},)"
            R"("maxValues":{"ended_at":"2021-11-18T02:30:00.124Z"},"nullCount":{"ended_at":2}})");
}

TEST(FileStats, ExactMillisecondMaxIsNotRounded) {
  const int64_t micros = 1'000'000 * int64_t{1700000000} + 5'000;
  FileStats stats{1, {{"t", ColumnType::kTimestamp, micros, micros, 0}}};
  EXPECT_NE(StatsJson(stats).find(R"("maxValues":{"t":"2023-11-14T22:13:20.005Z"})"),
            std::string::npos);
}

TEST(FileStats, StringsAreEscaped) {
  FileStats stats{2,
                  {{"name", ColumnType::kString, std::string("say \"hi\"\n"),
                    std::string("caf\xC3\xA9\\"), 0}}};
  EXPECT_EQ(StatsJson(stats),
            "{\"numRecords\":2,\"minValues\":{\"name\":\"say \\\"hi\\\"\\n\"},"
            "\"maxValues\":{\"name\":\"caf\xC3\xA9\\\\\"},\"nullCount\":{\"name\":0}}");
}

TEST(FileStats, LongStringsTruncatedOrOmitted) {
  const std::string long_a(40, 'a');
  const std::string long_max(40, '\x7f');
  FileStats stats{1, {{"s", ColumnType::kString, long_a, long_a, 0}}};
  const std::string json = StatsJson(stats);
  EXPECT_NE(json.find("\"minValues\":{\"s\":\"" + std::string(32, 'a') + "\"}"), std::string::npos)
      << json;
  EXPECT_NE(json.find("\"maxValues\":{\"s\":\"" + std::string(31, 'a') + "b\"}"), std::string::npos)
      << json;
}

TEST(FileStats, NonFiniteDoublesAndBooleansOmitted) {
  FileStats stats{3,
                  {{"x", ColumnType::kDouble, std::nan(""), 2.5, 1},
                   {"b", ColumnType::kBoolean, false, true, 0},
                   {"y", ColumnType::kDouble, -0.5, INFINITY, 0}}};
  EXPECT_EQ(StatsJson(stats), R"({"numRecords":3,"minValues":{"y":-0.5},"maxValues":{"x":2.5},)"
                              R"("nullCount":{"x":1,"b":0,"y":0}})");
}

TEST(FileStats, DatesAndIntegers) {
  FileStats stats{1,
                  {{"d", ColumnType::kDate, core::DaysFromCivil(2024, 3, 1),
                    core::DaysFromCivil(2024, 3, 31), 0},
                   {"n", ColumnType::kInt64, int64_t{-5}, int64_t{9'000'000'000}, 0}}};
  EXPECT_EQ(StatsJson(stats),
            R"({"numRecords":1,"minValues":{"d":"2024-03-01","n":-5},)"
            R"("maxValues":{"d":"2024-03-31","n":9000000000},"nullCount":{"d":0,"n":0}})");
}

TEST(FileStats, WrongValueTypeIsABug) {
  FileStats stats{1, {{"n", ColumnType::kInt64, std::string("x"), std::nullopt, 0}}};
  EXPECT_THROW(StatsJson(stats), Error);
}

}  // namespace
}  // namespace uw::delta
