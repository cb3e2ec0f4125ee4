// Settings -> build options, shared by `build` and `demo`.
#pragma once

#include "core/settings.h"
#include "core/time_zone.h"
#include "pipeline/gold/build_gold.h"
#include "pipeline/silver/build_silver.h"

namespace uw::cli {

// The listener's zone: configured, else the system's (never a hard-coded one).
inline std::string ListenerZone(const core::Settings& s) {
  return s.timezone.empty() ? core::TimeZone::System().name() : s.timezone;
}

inline silver::SilverBuildOptions SilverBuildOptionsFor(const core::Settings& s) {
  silver::SilverBuildOptions options;
  options.account_zone = s.account_zone;
  options.listener_zone = ListenerZone(s);
  return options;
}

inline gold::GoldBuildOptions GoldBuildOptionsFor(const core::Settings& s) {
  gold::GoldBuildOptions options;
  options.gold.listener_zone = ListenerZone(s);
  options.gold.zone_from_country = s.timezone_from_country;
  options.gold.session_gap_ms = s.report_session_gap_minutes * 60 * 1000;
  return options;
}

}  // namespace uw::cli
