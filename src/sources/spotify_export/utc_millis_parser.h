// core::ParseIsoUtcMillis with the date remembered: the "ts" of consecutive extended records
// mostly share their day ("2021-03-04T…"), so a string starting with the previous one's
// "YYYY-MM-DDT" needs only its time of day read, not the date validated and converted again.
// Gives exactly what core::ParseIsoUtcMillis gives for every string (it is asked whenever the
// shortcut does not apply or does not succeed). Not thread safe; one per thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace uw::spotify_export {

class UtcMillisParser {
 public:
  std::optional<int64_t> Parse(std::string_view s);

 private:
  static constexpr size_t kDateBytes = 11;  // "YYYY-MM-DDT"

  // The time of day of `s` added to day_ms_ when its date is the remembered one and the rest is
  // in the plain form; nullopt otherwise (core::ParseIsoUtcMillis then decides).
  std::optional<int64_t> FromRememberedDay(std::string_view s) const;

  char date_[kDateBytes] = {};  // the remembered date, as written; valid when has_date_
  bool has_date_ = false;
  int64_t day_ms_ = 0;  // its midnight, UTC
};

}  // namespace uw::spotify_export
