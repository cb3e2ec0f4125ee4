#include "pipeline/silver/stage_tables.h"

#include <fmt/format.h>

#include <chrono>
#include <optional>
#include <string>

#include "core/error.h"
#include "core/lake_paths.h"

namespace uw::silver {
namespace {

using Clock = std::chrono::steady_clock;

// The tables one thread stages and the problems their checks found. Each thread has its own, so
// the two need no lock.
struct Lane {
  std::vector<StagedTable> staged;
  std::vector<std::string> problems;
};

void StageDimension(storage::ObjectStore& lake, const parquet::WriterOptions& writer,
                    const LakeTable& table, Lane& lane) {
  for (std::string& problem : CheckTable(table)) lane.problems.push_back(std::move(problem));
  if (lane.problems.empty())
    lane.staged.push_back(StageTable(lake, lake::SilverTable(table.name), table, writer));
}

// A fact table is built, checked and written in one pass over its months.
void StageFacts(storage::ObjectStore& lake, const parquet::WriterOptions& writer,
                const StreamedTable& table, Lane& lane) {
  const bool write = lane.problems.empty();
  StagedTable one = StageStreamedTable(lake, lake::SilverTable(table.shape.name), table, writer,
                                       write, lane.problems);
  if (write) lane.staged.push_back(std::move(one));
}

double Seconds(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

}  // namespace

std::vector<StagedTable> StageSilverTables(storage::ObjectStore& lake,
                                           const parquet::WriterOptions& writer,
                                           const TableProducer& produce, StageTimes& times) {
  const Clock::time_point start = Clock::now();
  std::optional<Clock::time_point> first_dimension;  // read once `produce` has returned
  Lane dimensions, facts;
  produce(
      [&](LakeTable table) {
        if (!first_dimension) first_dimension = Clock::now();
        StageDimension(lake, writer, table, dimensions);
      },
      [&](const StreamedTable& table) { StageFacts(lake, writer, table, facts); });
  const Clock::time_point end = Clock::now();
  times.seconds_tables = Seconds(start, first_dimension.value_or(end));
  times.seconds_write = Seconds(first_dimension.value_or(end), end);

  std::vector<StagedTable> staged = std::move(dimensions.staged);
  for (StagedTable& table : facts.staged) staged.push_back(std::move(table));
  std::vector<std::string> problems = std::move(dimensions.problems);
  for (std::string& problem : facts.problems) problems.push_back(std::move(problem));
  if (problems.empty()) return staged;
  // The facts may have been written while a dimension failed: nothing of either may stay.
  for (const StagedTable& table : staged) AbandonStaged(lake, table);
  Fail(ErrorCode::kCorrupt, "silver checks failed, nothing was published:\n  {}",
       fmt::join(problems, "\n  "));
}

}  // namespace uw::silver
