#include "pipeline/gold/country_zones.h"

#include <algorithm>
#include <array>
#include <utility>

namespace uw::gold {
namespace {

// Sorted by code. A country belongs here only when one zone covers all of it today (its
// overseas territories have codes of their own: FR is metropolitan France, GP and RE are not).
// Zone names are the canonical tzdb ones that Debian 12's tzdata has.
constexpr std::array<std::pair<std::string_view, std::string_view>, 57> kZones = {{
    {"AE", "Asia/Dubai"},         {"AR", "America/Argentina/Buenos_Aires"},
    {"AT", "Europe/Vienna"},      {"BE", "Europe/Brussels"},
    {"BG", "Europe/Sofia"},       {"CH", "Europe/Zurich"},
    {"CN", "Asia/Shanghai"},      {"CO", "America/Bogota"},
    {"CR", "America/Costa_Rica"}, {"CZ", "Europe/Prague"},
    {"DE", "Europe/Berlin"},      {"DK", "Europe/Copenhagen"},
    {"EE", "Europe/Tallinn"},     {"EG", "Africa/Cairo"},
    {"FI", "Europe/Helsinki"},    {"FR", "Europe/Paris"},
    {"GB", "Europe/London"},      {"GR", "Europe/Athens"},
    {"GT", "America/Guatemala"},  {"HK", "Asia/Hong_Kong"},
    {"HR", "Europe/Zagreb"},      {"HU", "Europe/Budapest"},
    {"IE", "Europe/Dublin"},      {"IL", "Asia/Jerusalem"},
    {"IN", "Asia/Kolkata"},       {"IS", "Atlantic/Reykjavik"},
    {"IT", "Europe/Rome"},        {"JP", "Asia/Tokyo"},
    {"KE", "Africa/Nairobi"},     {"KR", "Asia/Seoul"},
    {"LT", "Europe/Vilnius"},     {"LU", "Europe/Luxembourg"},
    {"LV", "Europe/Riga"},        {"MA", "Africa/Casablanca"},
    {"MT", "Europe/Malta"},       {"MY", "Asia/Kuala_Lumpur"},
    {"NG", "Africa/Lagos"},       {"NL", "Europe/Amsterdam"},
    {"NO", "Europe/Oslo"},        {"PE", "America/Lima"},
    {"PH", "Asia/Manila"},        {"PK", "Asia/Karachi"},
    {"PL", "Europe/Warsaw"},      {"RO", "Europe/Bucharest"},
    {"RS", "Europe/Belgrade"},    {"SA", "Asia/Riyadh"},
    {"SE", "Europe/Stockholm"},   {"SG", "Asia/Singapore"},
    {"SI", "Europe/Ljubljana"},   {"SK", "Europe/Bratislava"},
    {"TH", "Asia/Bangkok"},       {"TR", "Europe/Istanbul"},
    {"TW", "Asia/Taipei"},        {"UY", "America/Montevideo"},
    {"VN", "Asia/Ho_Chi_Minh"},   {"ZA", "Africa/Johannesburg"},
    {"ZW", "Africa/Harare"},
}};

static_assert(std::is_sorted(kZones.begin(), kZones.end()));

}  // namespace

std::string_view CountryZone(std::string_view country) {
  if (country.size() != 2) return {};
  const char code[2] = {char(country[0] & ~0x20), char(country[1] & ~0x20)};  // ASCII upper
  const std::string_view key(code, 2);
  const auto it =
      std::lower_bound(kZones.begin(), kZones.end(), key,
                       [](const auto& entry, std::string_view k) { return entry.first < k; });
  return it != kZones.end() && it->first == key ? it->second : std::string_view();
}

std::vector<std::string_view> ZonedCountries() {
  std::vector<std::string_view> codes;
  for (const auto& [code, zone] : kZones) codes.push_back(code);
  return codes;
}

}  // namespace uw::gold
