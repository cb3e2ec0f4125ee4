// Settings -> build options, shared by `build` and `demo`.
#pragma once

#include "core/settings.h"
#include "core/time_zone.h"
#include "pipeline/silver/build_silver.h"

namespace uw::cli {

inline silver::SilverBuildOptions SilverBuildOptionsFor(const core::Settings& s) {
  silver::SilverBuildOptions options;
  options.account_zone = s.account_zone;
  // The listener's zone: configured, else the system's (never a hard-coded one).
  options.listener_zone = s.timezone.empty() ? core::TimeZone::System().name() : s.timezone;
  return options;
}

}  // namespace uw::cli
