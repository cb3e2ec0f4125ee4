#include "fakes/fake_service.h"

#include <fmt/format.h>

#include "core/base64.h"

namespace uw::fakes {
namespace {

// The error bodies of the faults that answer in place of the request (formats.md §3.6).
HttpResponse FaultResponse(const Fault& fault) {
  switch (fault.kind) {
    case FaultKind::k429: {
      HttpResponse response = ApiError(429, "API rate limit exceeded");
      response.headers.emplace_back("Retry-After", std::to_string(fault.retry_after_seconds));
      return response;
    }
    case FaultKind::k429QuotaExceeded:
      // Quota exhaustion (July 2026) is told apart by the body's reason, not by a wait.
      return ApiError(429, "Too many requests", "QUOTA_EXCEEDED");
    case FaultKind::k500: return ApiError(500, "Server error.");
    case FaultKind::k502: return ApiError(502, "Bad gateway.");
    case FaultKind::k503: return ApiError(503, "Service unavailable");
    case FaultKind::kTimeout: {
      HttpResponse response = ApiError(504, "Gateway timeout");
      response.delay_ms = fault.timeout_ms;
      return response;
    }
    case FaultKind::kDropConnection: {
      HttpResponse response;
      response.drop = true;
      return response;
    }
    case FaultKind::kInvalidGrant:
      return JsonResponse(400, Json::Object()
                                   .Set("error", "invalid_grant")
                                   .Set("error_description", "Refresh token revoked")
                                   .Dump());
    default: return ApiError(500, "Server error.");  // body faults never get here
  }
}

// "Basic base64(id:secret)" → {id, secret}; nullopt when absent or malformed.
std::optional<std::pair<std::string, std::string>> BasicCredentials(const std::string& header) {
  constexpr std::string_view kBasic = "Basic ";
  if (header.compare(0, kBasic.size(), kBasic) != 0) return std::nullopt;
  std::string text = header.substr(kBasic.size());
  // Standard base64 → the URL alphabet core decodes.
  for (char& c : text) c = c == '+' ? '-' : c == '/' ? '_' : c;
  while (!text.empty() && text.back() == '=') text.pop_back();
  const auto decoded = core::FromBase64Url(text);
  if (!decoded) return std::nullopt;
  const size_t colon = decoded->find(':');
  if (colon == std::string::npos) return std::nullopt;
  return std::pair{decoded->substr(0, colon), decoded->substr(colon + 1)};
}

HttpResponse Unauthorized(bool missing) {
  // Missing and invalid tokens differ only in WWW-Authenticate (formats.md §3).
  HttpResponse response = ApiError(401, missing ? "No token provided" : "The access token expired");
  response.headers.emplace_back(
      "WWW-Authenticate", missing ? R"(Bearer realm="spotify", error="missing_token")"
                                  : R"(Bearer realm="spotify", error="invalid_token", error_description="The access token expired")");
  return response;
}

}  // namespace

Endpoint Classify(const HttpRequest& request) {
  const std::string& path = request.path;
  if (path == "/authorize") return Endpoint::kAuthorize;
  if (path == "/api/token") return Param(request, "grant_type") == "refresh_token" ? Endpoint::kRefresh : Endpoint::kToken;
  if (path.compare(0, 4, "/v1/") != 0) return Endpoint::kOther;
  if (path == "/v1/search") return Endpoint::kSearch;
  if (path == "/v1/me/player/recently-played") return Endpoint::kRecentlyPlayed;
  const std::string rest = path.substr(4);
  const size_t slash = rest.find('/');
  if (slash == std::string::npos) return IsCatalogKind(rest) ? Endpoint::kApiBatch : Endpoint::kApiOther;
  const bool single = IsCatalogKind(rest.substr(0, slash)) && rest.find('/', slash + 1) == std::string::npos;
  return single ? Endpoint::kApiSingle : Endpoint::kApiOther;
}

std::string Param(const HttpRequest& request, const std::string& key) {
  const auto it = request.params.find(key);
  return it == request.params.end() ? "" : it->second;
}

HttpResponse JsonResponse(int status, std::string body) {
  HttpResponse response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

HttpResponse ApiError(int status, std::string_view message, std::string_view reason) {
  return JsonResponse(status, ApiErrorBody(status, message, reason));
}

Service::Service(std::string base_url) : base_url_(std::move(base_url)) { options_.api_url = base_url_ + "/v1"; }

HttpResponse Service::Handle(const HttpRequest& request) {
  const Endpoint endpoint = Classify(request);
  // Decided before anything changes, so a faulted request leaves no trace but the counters.
  const std::optional<Fault> fault = faults_.Decide(request.path, endpoint);
  if (fault) ++faults_injected_[static_cast<size_t>(fault->kind)];
  HttpResponse response = fault && ReplacesResponse(fault->kind) ? FaultResponse(*fault)
                                                                 : Route(request, endpoint, fault);
  requests_.push_back(RecordedRequest{request.method, request.path, request.query,
                                      response.drop ? 0 : response.status,
                                      fault ? std::optional(fault->kind) : std::nullopt});
  return response;
}

HttpResponse Service::Route(const HttpRequest& request, Endpoint endpoint, const std::optional<Fault>& fault) {
  switch (endpoint) {
    case Endpoint::kAuthorize:
      return request.method == "GET" ? Authorize(request) : ApiError(405, "Method not allowed");
    case Endpoint::kToken:
    case Endpoint::kRefresh:
      return request.method == "POST" ? Token(request) : ApiError(405, "Method not allowed");
    case Endpoint::kOther:
      return ApiError(404, "Not found");
    default:
      return Api(request, endpoint, fault ? std::optional(fault->kind) : std::nullopt);
  }
}

HttpResponse Service::Authorize(const HttpRequest& request) {
  const AuthorizeParams params{Param(request, "client_id"),     Param(request, "response_type"),
                               Param(request, "redirect_uri"),  Param(request, "state"),
                               Param(request, "scope"),         Param(request, "code_challenge_method"),
                               Param(request, "code_challenge")};
  const AuthorizeOutcome outcome = accounts_.Authorize(params, user_declines_, now_ms_);
  HttpResponse response;
  response.status = outcome.status;
  if (outcome.status == 302) {
    response.headers.emplace_back("Location", outcome.location);
    response.content_type = "text/plain";
  } else {
    response.content_type = "text/html; charset=utf-8";
    response.body = outcome.page;
  }
  return response;
}

HttpResponse Service::Token(const HttpRequest& request) {
  const TokenParams params{Param(request, "grant_type"),    Param(request, "code"),
                           Param(request, "redirect_uri"),  Param(request, "code_verifier"),
                           Param(request, "refresh_token"), Param(request, "client_id"),
                           BasicCredentials(request.authorization)};
  const AccountsReply reply = accounts_.Token(params, now_ms_);
  return JsonResponse(reply.status, reply.body);
}

HttpResponse Service::Api(const HttpRequest& request, Endpoint endpoint, std::optional<FaultKind> body_fault) {
  std::string scope;
  const AccessCheck check = accounts_.CheckBearer(request.authorization, now_ms_, &scope);
  if (check != AccessCheck::kOk) return Unauthorized(check == AccessCheck::kMissing);
  if (request.method != "GET") return ApiError(405, "Method not allowed");
  const bool floats = body_fault == FaultKind::kFloatsForInts;
  switch (endpoint) {
    case Endpoint::kApiSingle: return Lookup(request, floats);
    case Endpoint::kApiBatch: return Batch(request, body_fault == FaultKind::kNullEntries, floats);
    case Endpoint::kSearch: return Search(request, floats);
    case Endpoint::kRecentlyPlayed:
      return RecentlyPlayed(request, scope, body_fault == FaultKind::kShuffledItems, floats);
    default:
      // Audio features are gone for new apps since 2024-11-27, with a bare 403 (formats.md §3.4).
      if (request.path.compare(0, 18, "/v1/audio-features") == 0) return JsonResponse(403, ApiErrorBody(403, ""));
      return ApiError(404, "Service not found");
  }
}

int64_t Service::SuccessfulFetches(std::string_view kind, std::string_view id) const {
  const auto it = fetches_.find({std::string(kind), std::string(id)});
  return it == fetches_.end() ? 0 : it->second;
}

}  // namespace uw::fakes
