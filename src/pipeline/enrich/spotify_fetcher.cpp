#include "pipeline/enrich/spotify_fetcher.h"

#include <fmt/format.h>
#include <simdjson.h>
#include <spdlog/spdlog.h>

#include <set>

#include "core/lake_paths.h"
#include "core/progress.h"
#include "http/form.h"
#include "http/stop_run.h"
#include "pipeline/enrich/batch_split.h"
#include "pipeline/enrich/discovered_ids.h"
#include "pipeline/enrich/track_search.h"

namespace uw::enrich {
namespace {

StopKind StopKindOf(http::StopRun::Reason reason) {
  switch (reason) {
    case http::StopRun::Reason::kRateLimited: return StopKind::kRateLimited;
    case http::StopRun::Reason::kQuotaExceeded: return StopKind::kQuotaExceeded;
    case http::StopRun::Reason::kBudgetSpent: return StopKind::kBudgetSpent;
  }
  return StopKind::kRateLimited;
}

bool IsJsonObject(std::string_view body) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  return !parser.parse(body.data(), body.size()).get(root) && root.is_object();
}

std::string JoinIds(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : ",") + id;
  return out;
}

std::string RefusedMessage(std::string_view what, int status) {
  return fmt::format(
      "Spotify refused {} (HTTP {}): the app may not use this endpoint, or your account is not on "
      "the app's user list (development mode allows 5 users: add yours in the Spotify developer "
      "dashboard{})",
      what, status, status == 401 ? "; if it persists, run `unwrapped auth spotify` again" : "");
}

}  // namespace

const char* StopName(StopKind stop) {
  switch (stop) {
    case StopKind::kNone: return "done";
    case StopKind::kUntil: return "until";
    case StopKind::kBudgetSpent: return "budget_spent";
    case StopKind::kRateLimited: return "rate_limited";
    case StopKind::kQuotaExceeded: return "quota_exceeded";
    case StopKind::kRefused: return "refused";
  }
  return "";
}

bool EnrichReport::work_left() const { return totals.work_due(search_enabled); }

SpotifyFetcher::SpotifyFetcher(storage::ObjectStore& lake, ApiGet get, http::Clock& clock,
                               FetchOptions options)
    : lake_(lake), get_(std::move(get)), clock_(clock), options_(options) {}

EnrichReport SpotifyFetcher::Run(EnrichmentQueue& queue) {
  state_ = LoadEnrichmentState(lake_);
  decisions_ = LoadSearchDecisions(lake_);
  report_ = EnrichReport{};
  report_.search_enabled = options_.search;
  if (!Resting()) {
    state_.resume_after_ms.reset();
    state_.stop_reason.clear();
    try {
      if (options_.search) Search(queue);
      for (const ObjectKind kind : kAllKinds) FetchKind(kind, queue);
    } catch (const http::StopRun& stop) {
      report_.stop = StopKindOf(stop.reason());
      report_.stop_message = stop.what();
      report_.resume_at_ms = stop.resume_at_ms();
      if (stop.reason() != http::StopRun::Reason::kBudgetSpent) state_.resume_after_ms = stop.resume_at_ms();
      state_.stop_reason = http::ReasonName(stop.reason());
    } catch (const UntilReached&) {
      report_.stop = StopKind::kUntil;
      report_.stop_message = fmt::format("stopped at the --until time {}", http::FormatUtc(*options_.until_ms));
    } catch (const AccessRefused& refused) {
      report_.stop = StopKind::kRefused;
      report_.stop_message = refused.what();
      state_.stop_reason = "refused";
    } catch (...) {
      try {
        Save();
      } catch (const std::exception& e) {
        spdlog::warn("could not save the enrichment state: {}", e.what());
      }
      throw;
    }
  }
  Save();
  report_.totals = CountQueue(queue, state_, decisions_, clock_.NowMs());
  return report_;
}

// A run before the resume time of an earlier rate-limit or quota stop sends nothing.
bool SpotifyFetcher::Resting() {
  if (!state_.resume_after_ms || *state_.resume_after_ms <= clock_.NowMs()) return false;
  report_.stop = state_.stop_reason == "quota_exceeded" ? StopKind::kQuotaExceeded : StopKind::kRateLimited;
  report_.resume_at_ms = state_.resume_after_ms;
  report_.stop_message = fmt::format("an earlier run was told to wait ({}); resume after {}",
                                     state_.stop_reason.empty() ? "rate_limited" : state_.stop_reason,
                                     http::FormatUtc(*state_.resume_after_ms));
  return true;
}

http::Response SpotifyFetcher::Get(const std::string& path) {
  if (options_.until_ms && clock_.NowMs() >= *options_.until_ms) throw UntilReached{};
  ++report_.requests;
  return get_(path);
}

void SpotifyFetcher::Search(EnrichmentQueue& queue) {
  std::vector<const NameOnlyTrack*> due;
  const int64_t now_ms = clock_.NowMs();
  for (const auto& [key, track] : queue.name_only()) {
    if (!decisions_.contains(key) && !state_.Waiting(kSearchKind, key, now_ms)) due.push_back(&track);
  }
  if (due.empty()) return;
  core::Progress progress("search", due.size(), options_.progress);
  const ApiGet get = [this](const std::string& path) { return Get(path); };
  for (const NameOnlyTrack* track : due) {
    try {
      SearchRecord record = SearchTrack(lake_, get, *track, clock_.NowMs());
      ++report_.searched;
      if (record.track_id.empty()) {
        spdlog::debug("search {}: no id ({})", track->key, record.reason);
      } else {
        ++report_.search_accepted;
        queue.AddKnown(ObjectKind::kTracks, record.track_id);
      }
      decisions_[track->key] = std::move(record);
      state_.RecordFetched(kSearchKind, track->key);
    } catch (const http::RequestFailed& e) {
      ++report_.search_failed;
      state_.RecordFailure(kSearchKind, track->key, clock_.NowMs(), e.last_status(), e.what());
    }
    progress.Advance(1);
    Processed();
  }
  progress.Finish();
}

void SpotifyFetcher::FetchKind(ObjectKind kind, EnrichmentQueue& queue) {
  const std::vector<std::string> due = queue.Due(kind, state_, clock_.NowMs());
  if (due.empty()) return;
  spdlog::info("enrich: {} {} to fetch", due.size(), KindName(kind));
  core::Progress progress(std::string(KindName(kind)), due.size(), options_.progress);
  bool batch = BatchAllowed(kind);
  for (size_t i = 0; i < due.size();) {
    const size_t n = batch ? std::min(BatchSize(kind), due.size() - i) : 1;
    if (n > 1) {
      batch = FetchBatch(kind, {due.begin() + i, due.begin() + i + n}, queue);
    } else {  // due ids are unfetched, and only this batch loop lands this kind
      FetchOne(kind, due[i], queue);
    }
    i += n;
    progress.Advance(n);
  }
  progress.Finish();
}

bool SpotifyFetcher::BatchAllowed(ObjectKind kind) {
  const auto it = state_.batch_unavailable.find(std::string(KindName(kind)));
  if (it == state_.batch_unavailable.end()) return true;
  if (clock_.NowMs() - it->second < options_.batch_retry_after_ms) return false;
  state_.batch_unavailable.erase(it);  // long ago: ask once more
  return true;
}

// One batch request; returns false when the batch endpoint turned out unavailable. Every id of
// `ids` the response did not deliver is looked up on its own.
bool SpotifyFetcher::FetchBatch(ObjectKind kind, const std::vector<std::string>& ids,
                                EnrichmentQueue& queue) {
  const std::string name(KindName(kind));
  bool available = true;
  try {
    const http::Response response = Get(http::WithQuery("/" + name, {{"ids", JoinIds(ids)}}));
    if (response.status == 403 || response.status == 404) {
      spdlog::info("enrich: GET /{}?ids= answered {}: fetching {} one by one", name, response.status, name);
      state_.batch_unavailable[name] = clock_.NowMs();
      available = false;
    } else if (response.status == 200) {
      const std::set<std::string> wanted(ids.begin(), ids.end());
      const auto entries = SplitBatch(kind, response.body);
      if (!entries) spdlog::debug("enrich: unusable /{} batch response; asking one by one", name);
      for (const BatchEntry& entry : entries.value_or(std::vector<BatchEntry>{})) {
        // Matched by id, never by position: items may come back in any order.
        if (wanted.contains(entry.id) && !queue.IsFetched(kind, entry.id)) {
          Land(kind, entry.id, entry.raw, queue);
          Processed();
        }
      }
    } else {
      spdlog::debug("enrich: GET /{}?ids= answered {}; asking one by one", name, response.status);
    }
  } catch (const http::RequestFailed& e) {
    spdlog::debug("enrich: batch of {} failed ({}); asking one by one", name, e.what());
  }
  for (const std::string& id : ids) {
    if (!queue.IsFetched(kind, id)) FetchOne(kind, id, queue);
  }
  return available;
}

void SpotifyFetcher::FetchOne(ObjectKind kind, const std::string& id, EnrichmentQueue& queue) {
  const std::string name(KindName(kind));
  http::Response response;
  try {
    response = Get("/" + name + "/" + http::UrlEncode(id));
  } catch (const http::RequestFailed& e) {
    Fail(kind, id, e.last_status(), e.what());
    Processed();
    return;
  }
  switch (response.status) {
    case 200:
      if (IsJsonObject(response.body)) {
        Land(kind, id, response.body, queue);
      } else {
        Fail(kind, id, 200, "the 200 response is not a JSON object");
      }
      break;
    case 404:
    case 400:
      // 400: Spotify calls the id itself invalid; asking again cannot help.
      state_.RecordNotFound(name, id, clock_.NowMs(), response.status == 400);
      ++report_.run[static_cast<size_t>(kind)].not_found;
      break;
    case 401:
    case 403:
      throw AccessRefused(RefusedMessage(fmt::format("GET /{}/{{id}}", name), response.status));
    default:
      Fail(kind, id, response.status, fmt::format("HTTP {}", response.status));
  }
  Processed();
}

void SpotifyFetcher::Land(ObjectKind kind, const std::string& id, std::string_view body,
                          EnrichmentQueue& queue) {
  lake_.PutIfAbsent(lake::BronzeSpotifyObject(KindName(kind), id), body);
  queue.MarkFetched(kind, id);
  state_.RecordFetched(KindName(kind), id);
  for (const auto& [named_kind, named_id] : DiscoverIds(kind, body)) queue.AddKnown(named_kind, named_id);
  ++report_.run[static_cast<size_t>(kind)].fetched;
}

void SpotifyFetcher::Fail(ObjectKind kind, const std::string& id, int status, std::string error) {
  spdlog::debug("enrich: {} {} failed: {}", KindName(kind), id, error);
  state_.RecordFailure(KindName(kind), id, clock_.NowMs(), status, std::move(error));
  ++report_.run[static_cast<size_t>(kind)].failed;
}

void SpotifyFetcher::Processed() {
  if (++since_save_ >= options_.save_every) Save();
}

void SpotifyFetcher::Save() {
  since_save_ = 0;
  SaveEnrichmentState(lake_, state_);
  if (options_.search) SaveSearchDecisions(lake_, decisions_);
}

}  // namespace uw::enrich
