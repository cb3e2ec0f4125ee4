// `unwrapped enrich spotify [--max-requests N] [--until TIME] [--no-search]`: Spotify catalogue
// objects for every id in silver (and the ids their responses name) into bronze, name-only
// tracks searched first (pipeline/enrich/spotify_fetcher.h, docs/enrichment.md).
// Exit 0 when everything due was processed (failures included: they are retried on their
// schedule); 3 when a limit stopped the run with work left (the request budget, --until, a rate
// limit or an exhausted quota, or an earlier stop's resume time has not come): the summary says
// when to run again; 1 when Spotify refused the app or user (403) and on errors; 2 when not
// signed in.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <memory>
#include <optional>

#include "cli/app.h"
#include "http/clock.h"
#include "pipeline/enrich/enrich_report.h"
#include "pipeline/enrich/enrichment_queue.h"
#include "pipeline/enrich/spotify_fetcher.h"
#include "pipeline/enrich/until_time.h"
#include "sources/spotify_api/spotify_session.h"
#include "storage/lake_lock.h"

namespace uw::cli {
namespace {

struct EnrichFlags {
  std::optional<int64_t> max_requests;
  std::string until;
  bool no_search = false;
};

enrich::FetchOptions OptionsFor(const Context& context, const EnrichFlags& flags, int64_t now_ms) {
  enrich::FetchOptions options;
  options.search = !flags.no_search;
  options.progress = context.progress() && !context.json();
  if (!flags.until.empty()) {
    options.until_ms = enrich::ParseUntil(flags.until, now_ms);
    if (!options.until_ms) {
      Fail(ErrorCode::kUsage,
           "--until {}: expected a time with a zone (2026-11-21T18:00:00Z, ...+01:00) or a duration "
           "(30m, 2h, 1h30m)",
           flags.until);
    }
  }
  return options;
}

int RunEnrichSpotify(Context& context, const EnrichFlags& flags) {
  core::Settings settings = context.settings();
  if (flags.max_requests) settings.spotify_max_requests = *flags.max_requests;
  http::Clock& clock = http::SystemClock();
  const enrich::FetchOptions options = OptionsFor(context, flags, clock.NowMs());
  auto lake = context.OpenLake();
  const storage::LakeLock lock = context.LockLake(*lake, "enrich spotify");
  enrich::EnrichmentQueue queue = enrich::BuildQueue(*lake);
  // Opened on the first request: a run with nothing due, or resting after a rate limit, needs
  // no sign-in and sends nothing.
  std::unique_ptr<spotify_api::SpotifySession> session;
  const enrich::ApiGet get = [&](const std::string& path) {
    if (!session) session = spotify_api::SpotifySession::Open(settings, clock);
    return session->api().Get(path);
  };
  enrich::SpotifyFetcher fetcher(*lake, get, clock, options);
  enrich::EnrichReport report = fetcher.Run(queue);
  report.http_attempts = session ? session->http().requests_sent() : 0;
  fmt::print("{}", context.json() ? enrich::EnrichReportToJson(report) : enrich::EnrichReportToText(report));
  if (report.stop == enrich::StopKind::kRefused) {
    spdlog::error("{}", report.stop_message);
    return kExitFailure;
  }
  return report.stopped_early() && report.work_left() ? kExitPartial : kExitOk;
}

// The `enrich` group, shared with other enrichment sources when they arrive.
CLI::App* EnrichGroup(CLI::App& app) {
  try {
    return app.get_subcommand("enrich");
  } catch (const CLI::OptionNotFound&) {
    auto* group = app.add_subcommand("enrich", "Add catalogue metadata to the lake (bronze)");
    group->require_subcommand(1);
    return group;
  }
}

}  // namespace

void AddEnrichCommand(CLI::App& app, Registry& registry) {
  auto* command = EnrichGroup(app)->add_subcommand(
      "spotify", "Fetch Spotify catalogue objects (tracks, artists, albums, episodes, shows) for the ids in silver");
  auto flags = std::make_shared<EnrichFlags>();
  command->add_option("--max-requests", flags->max_requests,
                      "Request budget of this run (overrides spotify.max_requests; 0 = no limit)")
      ->check(CLI::NonNegativeNumber);
  command->add_option("--until", flags->until,
                      "Stop cleanly at this time: ISO-8601 with a zone, or a duration such as 30m or 2h");
  command->add_flag("--no-search", flags->no_search, "Do not search the catalogue for name-only tracks");
  registry.On(command, [flags](Context& context) { return RunEnrichSpotify(context, *flags); });
}

}  // namespace uw::cli
