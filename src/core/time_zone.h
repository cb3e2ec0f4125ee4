// IANA time zones (the OS tz database, through howardhinnant-date; GCC 12 has no std::chrono tzdb).
// A TimeZone is a cheap, copyable handle; its methods are thread safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace date {
class time_zone;
}

namespace uw::core {

class TimeZone {
 public:
  static TimeZone Utc();
  // Throws Error(kUsage) naming the zone when the tz database does not know it.
  static TimeZone Named(std::string_view name);
  // The machine's zone (/etc/localtime, or $TZ as passed in by Settings); UTC when unknown.
  static TimeZone System(std::string_view tz_env = {});

  const std::string& name() const { return name_; }
  bool is_utc() const { return zone_ == nullptr; }

  // Offset from UTC in seconds at the UTC instant.
  int OffsetSeconds(int64_t utc_seconds) const;
  int64_t ToLocal(int64_t utc_seconds) const { return utc_seconds + OffsetSeconds(utc_seconds); }
  // Every UTC instant whose local wall clock reads local_seconds (seconds since 1970-01-01 as a
  // naive wall clock): one normally, two in a fall-back hour (earlier first), none in a
  // spring-forward gap.
  std::vector<int64_t> FromLocal(int64_t local_seconds) const;

  // The span of UTC seconds [begin_s, end_s) around utc_seconds during which the offset stays
  // offset_s: lets callers convert many instants with one lookup per span.
  struct Period {
    int64_t begin_s = 0, end_s = 0;
    int offset_s = 0;
  };
  Period PeriodAt(int64_t utc_seconds) const;

 private:
  TimeZone(std::string name, const date::time_zone* zone) : name_(std::move(name)), zone_(zone) {}
  std::string name_;
  const date::time_zone* zone_;  // nullptr for UTC
};

}  // namespace uw::core
