// Shared by this folder's tests: a FakeSpotify with the real curl transport and an http::Client
// on a fake clock (retries never sleep), plus the browser's part of the sign-in done with plain
// requests (authorize → 302 → the callback).
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>

#include "core/error.h"
#include "core/settings.h"
#include "fakes/fake_spotify.h"
#include "http/client.h"
#include "http/clock.h"
#include "http/transport.h"

namespace uw::spotify_api::test {

struct FakeHarness {
  fakes::FakeSpotify fake;
  http::FakeClock clock;
  std::unique_ptr<http::Transport> transport = http::MakeCurlTransport();
  http::Client client{*transport, clock, http::RetryPolicy{.max_attempts = 2, .base_delay_ms = 1}};

  // Settings pointing at the fake, the credentials file at `credentials_file`.
  core::Settings Settings(const std::string& credentials_file) const {
    core::Settings s;
    s.spotify_api_url = fake.api_url();
    s.spotify_accounts_url = fake.accounts_url();
    s.spotify_client_id = std::string(fakes::FakeSpotify::kClientId);
    s.spotify_credentials_file = credentials_file;
    s.spotify_max_attempts = 2;
    s.spotify_retry_base_ms = 1;
    return s;
  }
};

// The value of query parameter `key` in `url` (no decoding needed for the fake's values).
inline std::string QueryParam(const std::string& url, const std::string& key) {
  const auto query = url.find('?');
  if (query == std::string::npos) return "";
  size_t pos = query + 1;
  while (pos < url.size()) {
    const size_t end = std::min(url.find('&', pos), url.size());
    const std::string pair = url.substr(pos, end - pos);
    if (pair.rfind(key + "=", 0) == 0) return pair.substr(key.size() + 1);
    pos = end + 1;
  }
  return "";
}

// Plays the browser: GET the authorize URL, follow its redirect once. Returns the Location the
// accounts service redirected to ("" when it did not redirect).
inline std::string FollowAuthorize(const std::string& authorize_url, bool visit_callback) {
  auto transport = http::MakeCurlTransport();
  http::Request request;
  request.url = authorize_url;
  const http::Response consent = transport->Send(request);
  const std::string location = consent.header("Location").value_or("");
  if (visit_callback && !location.empty()) {
    request.url = location;
    transport->Send(request);
  }
  return location;
}

// The code of error `e` thrown by `f` (a test failure when nothing is thrown), and its message.
inline ErrorCode ThrownCode(const std::function<void()>& f, std::string* message = nullptr) {
  try {
    f();
  } catch (const Error& e) {
    if (message) *message = e.what();
    return e.code();
  }
  ADD_FAILURE() << "no error thrown";
  return ErrorCode::kInternal;
}

}  // namespace uw::spotify_api::test
