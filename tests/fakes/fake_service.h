// The fake Spotify as a plain request → response function, independent of the HTTP server:
// classifies each request, applies the fault plan first, then answers from the accounts state,
// the catalogue and the play log, and keeps the counters. Not thread-safe; FakeSpotify calls it
// under its mutex.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "fakes/fake_accounts.h"
#include "fakes/fake_catalog.h"
#include "fakes/fake_faults.h"
#include "fakes/fake_json.h"
#include "fakes/fake_play_log.h"
#include "fakes/fake_spotify.h"

namespace uw::fakes {

struct HttpRequest {
  std::string method;
  std::string path;
  std::string query;  // raw, for the request log
  std::multimap<std::string, std::string> params;  // decoded query and form parameters
  std::string authorization;                       // the Authorization header
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  int delay_ms = 0;   // kTimeout: hold the answer this long
  bool drop = false;  // kDropConnection: send nothing, close
};

class Service {
 public:
  explicit Service(std::string base_url);  // "http://127.0.0.1:P"

  HttpResponse Handle(const HttpRequest& request);

  Accounts& accounts() { return accounts_; }
  Catalog& catalog() { return catalog_; }
  PlayLog& plays() { return plays_; }
  FaultPlan& faults() { return faults_; }
  void SetNowMs(int64_t now_ms) { now_ms_ = now_ms; }
  int64_t NowMs() const { return now_ms_; }
  void SetDevelopmentMode(bool on) { options_.development_mode = on; }
  void SetUserDeclines(bool declines) { user_declines_ = declines; }
  const std::string& api_url() const { return options_.api_url; }

  const std::vector<RecordedRequest>& requests() const { return requests_; }
  int64_t FaultsInjected(FaultKind kind) const { return faults_injected_[static_cast<size_t>(kind)]; }
  int64_t SuccessfulFetches(std::string_view kind, std::string_view id) const;
  const std::vector<std::string>& search_queries() const { return search_queries_; }

 private:
  HttpResponse Route(const HttpRequest& request, Endpoint endpoint, const std::optional<Fault>& fault);
  HttpResponse Authorize(const HttpRequest& request);
  HttpResponse Token(const HttpRequest& request);
  HttpResponse Api(const HttpRequest& request, Endpoint endpoint, std::optional<FaultKind> body_fault);
  // The Web API endpoints (fake_service_api.cpp).
  HttpResponse Lookup(const HttpRequest& request, bool floats);
  HttpResponse Batch(const HttpRequest& request, bool nulls, bool floats);
  HttpResponse Search(const HttpRequest& request, bool floats);
  HttpResponse RecentlyPlayed(const HttpRequest& request, const std::string& scope, bool shuffle, bool floats);

  std::string base_url_;
  RenderOptions options_;
  Accounts accounts_;
  Catalog catalog_;
  PlayLog plays_;
  FaultPlan faults_;
  int64_t now_ms_ = 0;
  bool user_declines_ = false;

  std::vector<RecordedRequest> requests_;
  std::array<int64_t, kFaultKindCount> faults_injected_{};
  std::map<std::pair<std::string, std::string>, int64_t> fetches_;  // (kind, id) -> count
  std::vector<std::string> search_queries_;
};

// Helpers shared by the service's files.
Endpoint Classify(const HttpRequest& request);
std::string Param(const HttpRequest& request, const std::string& key);  // "" when absent
HttpResponse JsonResponse(int status, std::string body);
HttpResponse ApiError(int status, std::string_view message, std::string_view reason = "");

}  // namespace uw::fakes
