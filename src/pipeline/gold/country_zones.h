// The IANA zone of a country, for GoldOptions.zone_from_country: a listener travelling abroad
// gets local times of where they were (conn_country, ISO 3166-1 alpha-2). Only countries that
// have a single zone are listed; a country with several (US, CA, BR, MX, AU, RU, ID, ES with the
// Canaries, PT with the Azores, …) is not, so its plays keep the listener's zone rather than a
// guessed one. Thread safe.
#pragma once

#include <string_view>
#include <vector>

namespace uw::gold {

// The zone of `country` ("DE", case-insensitive), or "" when it is not a listed single-zone
// country.
std::string_view CountryZone(std::string_view country);

// Every listed country code, in order (for tests and docs).
std::vector<std::string_view> ZonedCountries();

}  // namespace uw::gold
