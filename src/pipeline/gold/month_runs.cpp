#include "pipeline/gold/month_runs.h"

#include <memory>
#include <string>

#include "core/civil_time.h"
#include "core/error.h"

namespace uw::gold {

std::vector<MonthRun> MonthRuns(size_t count, const std::function<int64_t(size_t)>& ended_ms) {
  constexpr int64_t kMsPerDay = 86'400'000;
  std::vector<MonthRun> runs;
  int64_t month_end = 0, previous = 0;
  for (size_t i = 0; i < count; ++i) {
    const int64_t ms = ended_ms(i);
    if (i > 0 && ms < previous)
      Fail(ErrorCode::kInternal, "fact rows out of end-time order at row {}", i);
    previous = ms;
    if (runs.empty() || ms >= month_end) {
      const core::CivilDate day = core::CivilFromDays(core::FloorDiv(ms, kMsPerDay));
      month_end = (day.month == 12 ? core::DaysFromCivil(day.year + 1, 1, 1)
                                   : core::DaysFromCivil(day.year, day.month + 1, 1)) *
                  kMsPerDay;
      runs.push_back({day.year, day.month, i, i});
    }
    runs.back().end = i + 1;
  }
  return runs;
}

tables::StreamedTable StreamMonthRuns(tables::LakeTable shape, const std::vector<MonthRun>& runs,
                                      std::function<parquet::Batch(size_t, size_t)> build) {
  tables::StreamedTable table;
  table.shape = std::move(shape);
  auto ranges = std::make_shared<std::vector<std::pair<size_t, size_t>>>();
  for (const MonthRun& run : runs) {
    table.partitions.push_back(
        {{"year", std::to_string(run.year)}, {"month", std::to_string(run.month)}});
    ranges->push_back({run.begin, run.end});
  }
  table.build = [ranges, build = std::move(build)](size_t p) {
    return build((*ranges)[p].first, (*ranges)[p].second);
  };
  return table;
}

}  // namespace uw::gold
