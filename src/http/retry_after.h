// Reading a rate-limit answer: how long Retry-After asks us to wait (RFC 9110 §10.2.3), and
// whether a 429 is Spotify's quota exhaustion rather than its rolling-window rate limit
// (formats.md §3.6).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace uw::http {

// Retry-After as milliseconds to wait from `now_ms`: delta-seconds ("120") or an IMF-fixdate
// HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT"); a date in the past is 0. nullopt when missing
// or garbage. Absurdly large values are capped at 100 years.
std::optional<int64_t> ParseRetryAfterMs(std::string_view value, int64_t now_ms);

// True when `body` is JSON with error.reason == "QUOTA_EXCEEDED"
// ({"error":{"status":429,"message":"Too many requests","reason":"QUOTA_EXCEEDED"}}).
bool IsQuotaExceeded(std::string_view body);

}  // namespace uw::http
