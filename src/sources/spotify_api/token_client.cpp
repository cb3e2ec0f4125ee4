#include "sources/spotify_api/token_client.h"

#include <simdjson.h>
#include <spdlog/spdlog.h>

#include "core/base64.h"
#include "core/error.h"
#include "core/secrets.h"
#include "http/form.h"

namespace uw::spotify_api {
namespace {

// The OAuth error of a 4xx answer: {"error":"invalid_grant","error_description":"..."}.
struct OAuthError {
  std::string error;
  std::string description;
};

OAuthError ParseOAuthError(const std::string& body) {
  OAuthError out;
  simdjson::dom::parser parser;
  simdjson::dom::object root;
  if (parser.parse(body).get(root)) return out;
  std::string_view value;
  if (!root["error"].get(value)) out.error = value;
  if (!root["error_description"].get(value)) out.description = value;
  return out;
}

// Text from the remote side, for a message: short, printable, and without any known secret.
std::string Shown(std::string_view text) {
  std::string out;
  for (char c : text.substr(0, 120)) out += (c >= 0x20 && c < 0x7f) ? c : '?';
  return core::Redact(out);
}

TokenGrant ParseGrant(const std::string& body) {
  simdjson::dom::parser parser;
  simdjson::dom::object root;
  if (parser.parse(body).get(root)) {
    Fail(ErrorCode::kIo,
         "Spotify's token endpoint answered 200 with something that is not a JSON object");
  }
  TokenGrant grant;
  std::string_view text;
  if (root["access_token"].get(text) || text.empty()) {
    Fail(ErrorCode::kIo, "Spotify's token answer holds no access_token");
  }
  grant.access_token = text;
  // expires_in is an integer in every recorded answer; a decimal is tolerated.
  int64_t seconds = 0;
  double decimal = 0;
  if (!root["expires_in"].get(seconds)) {
    grant.expires_in_s = seconds;
  } else if (!root["expires_in"].get(decimal)) {
    grant.expires_in_s = static_cast<int64_t>(decimal);
  }
  if (!root["refresh_token"].get(text) && !text.empty()) grant.refresh_token = std::string(text);
  if (!root["scope"].get(text)) grant.scope = text;
  core::RegisterSecret(grant.access_token);
  if (grant.refresh_token) core::RegisterSecret(*grant.refresh_token);
  return grant;
}

http::Request FormPost(const std::string& url, const http::Params& params) {
  http::Request request;
  request.method = "POST";
  request.url = url;
  request.headers.push_back({"Content-Type", "application/x-www-form-urlencoded"});
  request.headers.push_back({"Accept", "application/json"});
  request.body = http::FormBody(params);
  return request;
}

}  // namespace

TokenClient::TokenClient(http::Client& client, std::string accounts_url)
    : client_(client), token_url_(std::move(accounts_url)) {
  while (!token_url_.empty() && token_url_.back() == '/') token_url_.pop_back();
  token_url_ += "/api/token";
}

TokenGrant TokenClient::ExchangeCode(const std::string& code, const std::string& verifier,
                                     const std::string& redirect_uri,
                                     const std::string& client_id) {
  core::RegisterSecret(code);
  core::RegisterSecret(verifier);
  // PKCE (RFC 7636 §4.5): the verifier proves this is the client that started the sign-in, so
  // no client secret is needed.
  return Post(FormPost(token_url_, {{"grant_type", "authorization_code"},
                                    {"code", code},
                                    {"redirect_uri", redirect_uri},
                                    {"client_id", client_id},
                                    {"code_verifier", verifier}}),
              Grant::kCode, client_id);
}

TokenGrant TokenClient::Refresh(const std::string& refresh_token, const std::string& client_id,
                                const std::string& client_secret) {
  core::RegisterSecret(refresh_token);
  http::Params params = {{"grant_type", "refresh_token"}, {"refresh_token", refresh_token}};
  if (client_secret.empty()) params.emplace_back("client_id", client_id);
  http::Request request = FormPost(token_url_, params);
  if (!client_secret.empty()) {
    core::RegisterSecret(client_secret);
    const std::string basic = core::Base64(client_id + ":" + client_secret);
    core::RegisterSecret(basic);
    request.headers.push_back({"Authorization", "Basic " + basic});
  }
  return Post(request, Grant::kRefresh, client_id);
}

TokenGrant TokenClient::Post(const http::Request& request, Grant grant,
                             const std::string& client_id) {
  const http::Response response = client_.Send(request);
  if (response.status == 200) return ParseGrant(response.body);
  const OAuthError error = ParseOAuthError(response.body);
  if (response.status == 400 && error.error == "invalid_grant") {
    if (grant == Grant::kRefresh) throw Error(ErrorCode::kInput, kSignInAgain);
    Fail(ErrorCode::kInput,
         "Spotify did not accept the sign-in code (invalid_grant: {}): run `unwrapped auth "
         "spotify` again",
         Shown(error.description));
  }
  if (error.error == "invalid_client") {
    Fail(ErrorCode::kUsage,
         "Spotify does not accept the client id {} (invalid_client: {}): check spotify.client_id "
         "(UNWRAPPED_SPOTIFY_CLIENT_ID){}",
         Shown(client_id), Shown(error.description),
         grant == Grant::kRefresh
             ? " and spotify.client_secret, and that the sign-in was made with this app"
             : "");
  }
  Fail(ErrorCode::kIo, "Spotify's token endpoint refused the request: HTTP {}{}{}", response.status,
       error.error.empty() ? "" : " " + Shown(error.error),
       error.description.empty() ? "" : ": " + Shown(error.description));
}

}  // namespace uw::spotify_api
