// Devices, countries and network addresses of the synthetic listener. Platform strings follow
// formats.md §2.5: detailed strings that change with each device generation until 2023-10-19,
// coarse ones ("android", "ios", "windows", "cast") after. Every IP address is fake, from the
// documentation ranges (RFC 5737: 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24; RFC 3849:
// 2001:db8::/32), and the pipeline must drop them anyway.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "generator/rng.h"

namespace uw::generator {

enum class DeviceKind : uint8_t { kPhone, kTablet, kDesktop, kWeb, kCast };

struct Platform {
  std::string_view detailed;  // "Android OS 7.0 API 24 (samsung, SM-G930F)"
  std::string_view coarse;    // "android"
  DeviceKind kind;
  std::string_view user_agent;  // vintage A user_agent_decrypted (URL-encoded), "" = "unknown"
};

const std::vector<Platform>& Platforms();
// A device the listener used at `epoch_s`, by how much they used it then.
uint16_t PickPlatform(Rng& rng, int64_t epoch_s);

struct Country {
  std::string_view code;
  double weight;  // how often trips go there
};
// Index 0 is the home country.
const std::vector<Country>& Countries();

// Addresses are packed into 64 bits: the top byte says which documentation range.
uint64_t HomeIp(Rng& rng);
uint64_t MobileIp(Rng& rng);
uint64_t TravelIp(Rng& rng);
std::string FormatIp(uint64_t ip);

}  // namespace uw::generator
