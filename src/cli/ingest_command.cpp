// `unwrapped ingest`: recently-played into bronze, the cursor kept (pipeline/ingest/ingest.h).
// Exit 0 when Spotify answered (also when nothing was new); 3 when a rate limit, an exhausted
// quota or the request budget stopped the run, or an earlier stop's resume time has not come
// (nothing was requested): nothing is wrong, the next run after that time continues; 2 when not
// signed in; 1 when a request failed after its retries or the sign-in was refused.
#include <fmt/format.h>

#include "cli/app.h"
#include "http/clock.h"
#include "pipeline/ingest/ingest.h"
#include "pipeline/ingest/spotify_fetch.h"
#include "storage/lake_lock.h"

namespace uw::cli {
namespace {

int RunIngest(Context& context) {
  auto lake = context.OpenLake();
  const storage::LakeLock lock = context.LockLake(*lake, "ingest");
  const ingest::IngestSummary summary =
      ingest::Ingest(*lake, ingest::SpotifyFetch(context.settings()), http::SystemClock());
  fmt::print("{}", context.json() ? ingest::IngestSummaryToJson(summary)
                                  : ingest::IngestSummaryToText(summary));
  return ingest::IngestExitCode(summary);
}

}  // namespace

void AddIngestCommand(CLI::App& app, Registry& registry) {
  auto* command = app.add_subcommand(
      "ingest", "Land your recently played tracks from the Spotify API in bronze (the hourly job)");
  registry.On(command, RunIngest);
}

}  // namespace uw::cli
