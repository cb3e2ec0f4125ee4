#include "core/time_zone.h"

#include <date/tz.h>

#include <filesystem>

#include "core/error.h"

namespace uw::core {

TimeZone TimeZone::Utc() { return TimeZone("UTC", nullptr); }

TimeZone TimeZone::Named(std::string_view name) {
  if (name == "UTC" || name == "Etc/UTC" || name == "Z") return Utc();
  try {
    return TimeZone(std::string(name), date::locate_zone(name));
  } catch (const std::exception&) {
    Fail(ErrorCode::kUsage, "unknown time zone \"{}\": expected an IANA name such as Europe/Berlin",
         name);
  }
}

TimeZone TimeZone::System(std::string_view tz_env) {
  if (!tz_env.empty()) {
    std::string_view name = tz_env.front() == ':' ? tz_env.substr(1) : tz_env;
    try {
      return Named(name);
    } catch (const Error&) {
    }
  }
  // /etc/localtime is a symlink into /usr/share/zoneinfo on Debian; its tail is the zone name.
  std::error_code ec;
  const auto target = std::filesystem::read_symlink("/etc/localtime", ec);
  if (!ec) {
    const std::string s = target.string();
    const auto pos = s.find("zoneinfo/");
    if (pos != std::string::npos) {
      try {
        return Named(s.substr(pos + 9));
      } catch (const Error&) {
      }
    }
  }
  return Utc();
}

int TimeZone::OffsetSeconds(int64_t utc_seconds) const {
  if (!zone_) return 0;
  const date::sys_seconds t{std::chrono::seconds(utc_seconds)};
  return static_cast<int>(zone_->get_info(t).offset.count());
}

TimeZone::Period TimeZone::PeriodAt(int64_t utc_seconds) const {
  if (!zone_) return {INT64_MIN, INT64_MAX, 0};
  const date::sys_info info = zone_->get_info(date::sys_seconds{std::chrono::seconds(utc_seconds)});
  return {info.begin.time_since_epoch().count(), info.end.time_since_epoch().count(),
          static_cast<int>(info.offset.count())};
}

std::vector<int64_t> TimeZone::FromLocal(int64_t local_seconds) const {
  if (!zone_) return {local_seconds};
  const date::local_seconds lt{std::chrono::seconds(local_seconds)};
  const date::local_info info = zone_->get_info(lt);
  switch (info.result) {
    case date::local_info::unique:
      return {local_seconds - info.first.offset.count()};
    case date::local_info::ambiguous:
      return {local_seconds - info.first.offset.count(), local_seconds - info.second.offset.count()};
    default:
      return {};
  }
}

}  // namespace uw::core
