// The `enrich spotify` run (docs/enrichment.md): searches name-only tracks, then fetches every
// due id kind by kind (tracks, episodes, albums, artists, shows), landing each raw 200 response
// in bronze with put-if-absent. Batch endpoints are used while the app has them; a 403/404 on a
// batch marks it unavailable and the run goes one by one. Outcomes per id:
//   200          -> bronze (done; the ids it names join the queue)
//   404          -> not found, retried on the not-found schedule
//   400          -> not found for good (not a valid id)
//   other status, http::RequestFailed -> failure with attempts, retried on the failure schedule
//   403          -> the run stops (app or user not allowed); exit 1
//   http::StopRun (rate limit, quota, budget) or --until passed -> the run stops cleanly; the
//                   state says when to resume; the ids not reached stay due
// A null entry in a batch is never taken as "not found": a single GET decides.
// The state is saved every `save_every` items and always when the run ends, however it ends.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "http/clock.h"
#include "pipeline/enrich/api_get.h"
#include "pipeline/enrich/enrichment_queue.h"
#include "pipeline/enrich/enrichment_state.h"
#include "pipeline/enrich/enrichment_totals.h"
#include "pipeline/enrich/search_decisions.h"
#include "storage/object_store.h"

namespace uw::enrich {

struct FetchOptions {
  bool search = true;                 // search name-only tracks first
  std::optional<int64_t> until_ms;    // stop cleanly once the clock passes this
  bool progress = false;              // progress bars (on a terminal)
  size_t save_every = 250;            // items between state saves
  int64_t batch_retry_after_ms = 30LL * 24 * 3600 * 1000;  // ask a refused batch endpoint again after
};

enum class StopKind { kNone, kUntil, kBudgetSpent, kRateLimited, kQuotaExceeded, kRefused };
// "done", "until", "budget_spent", "rate_limited", "quota_exceeded", "refused".
const char* StopName(StopKind stop);

struct RunCounts {
  int64_t fetched = 0, not_found = 0, failed = 0;
};

struct EnrichReport {
  std::array<RunCounts, kAllKinds.size()> run;  // this run, indexed by ObjectKind
  int64_t searched = 0, search_accepted = 0, search_failed = 0;
  int64_t requests = 0;       // GETs this run sent (the HTTP client's retries not included)
  int64_t http_attempts = 0;  // every attempt, retries included (filled by the caller)
  QueueTotals totals;         // the queue after the run
  bool search_enabled = true;
  StopKind stop = StopKind::kNone;
  std::string stop_message;
  std::optional<int64_t> resume_at_ms;
  // True when the run stopped before everything due was processed.
  bool stopped_early() const { return stop != StopKind::kNone; }
  bool work_left() const;
  const RunCounts& of(ObjectKind kind) const { return run[static_cast<size_t>(kind)]; }
};

class SpotifyFetcher {
 public:
  // `lake`, `clock` must outlive the fetcher; `get` is called for every request.
  SpotifyFetcher(storage::ObjectStore& lake, ApiGet get, http::Clock& clock, FetchOptions options);

  // One run over `queue` (BuildQueue, or ids from a test), which it extends with discovered ids.
  // Loads and saves the state files. Throws only on lake I/O problems (after a best-effort save).
  EnrichReport Run(EnrichmentQueue& queue);

 private:
  struct UntilReached {};
  http::Response Get(const std::string& path);
  bool Resting();
  void Search(EnrichmentQueue& queue);
  void FetchKind(ObjectKind kind, EnrichmentQueue& queue);
  bool BatchAllowed(ObjectKind kind);
  bool FetchBatch(ObjectKind kind, const std::vector<std::string>& ids, EnrichmentQueue& queue);
  void FetchOne(ObjectKind kind, const std::string& id, EnrichmentQueue& queue);
  void Land(ObjectKind kind, const std::string& id, std::string_view body, EnrichmentQueue& queue);
  void Fail(ObjectKind kind, const std::string& id, int status, std::string error);
  void Processed();
  void Save();

  storage::ObjectStore& lake_;
  ApiGet get_;
  http::Clock& clock_;
  FetchOptions options_;
  EnrichmentState state_;
  SearchDecisions decisions_;
  EnrichReport report_;
  size_t since_save_ = 0;
};

}  // namespace uw::enrich
