#include "generator/timeline.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/civil_time.h"
#include "core/time_zone.h"
#include "generator/listener.h"
#include "generator/platform.h"
#include "generator/scenario.h"

namespace uw::generator {
namespace {

constexpr int64_t kFirstDay = scenario::kStart / scenario::kDay;
constexpr int64_t kLastDay = scenario::kEnd / scenario::kDay;  // exclusive
constexpr int64_t kExtendedDay = scenario::kExtendedEnd / scenario::kDay;

// Two to four trips a year, three days to two weeks each: day -> country index.
std::map<int64_t, uint8_t> PlanTrips(Rng& rng) {
  std::map<int64_t, uint8_t> trips;
  const auto& countries = Countries();
  std::vector<double> weights;
  for (const Country& c : countries) weights.push_back(c.weight);
  const auto cumulative = Cumulative(weights);
  for (int year = 2015; year <= 2025; ++year) {
    const int64_t trips_this_year = rng.Between(2, 4);
    for (int64_t k = 0; k < trips_this_year; ++k) {
      const int64_t first = core::DaysFromCivil(year, 1, 1) + static_cast<int64_t>(rng.Below(365));
      const auto country = static_cast<uint8_t>(rng.PickCumulative(cumulative));
      const int64_t length = rng.Between(3, 14);
      for (int64_t d = 0; d < length && country != 0; ++d) trips[first + d] = country;
    }
  }
  return trips;
}

// Relative listening per day.
std::vector<double> DayWeights(Rng& rng, const std::map<int64_t, uint8_t>& trips) {
  std::vector<double> weights;
  for (int64_t day = kFirstDay; day < kLastDay; ++day) {
    const double frac = static_cast<double>(day - kFirstDay) / (kLastDay - kFirstDay);
    const bool weekend = (day + 3) % 7 >= 5;  // 1970-01-01 was a Thursday
    const core::CivilDate date = core::CivilFromDays(day);
    double w = (0.45 + 0.9 * frac) * (weekend ? 1.15 : 1.0);
    w *= 1.0 + 0.12 * std::cos((date.month - 1) / 12.0 * 2 * M_PI);  // more in winter
    w *= rng.Chance(0.04) ? 0.0 : rng.Gamma(3.0, 1.0 / 3.0);
    if (trips.count(day)) w *= 0.6;
    weights.push_back(w);
  }
  return weights;
}

// Plays per day: exactly `events` before the extended export's end, the same rate after it.
std::vector<int64_t> DayCounts(const std::vector<double>& weights, int64_t events) {
  const size_t extended_days = kExtendedDay - kFirstDay;
  double sum = 0;
  for (size_t i = 0; i < extended_days; ++i) sum += weights[i];
  std::vector<int64_t> counts;
  double running = 0;
  int64_t previous = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    running += weights[i] * static_cast<double>(events) / sum;
    const auto total = static_cast<int64_t>(i < extended_days ? running + 1e-9 : running + 0.5);
    counts.push_back(total - previous);
    previous = total;
  }
  int64_t before = 0;
  for (size_t i = 0; i < extended_days; ++i) before += counts[i];
  counts[extended_days - 1] += events - before;  // float rounding
  return counts;
}

DayContext MakeDay(int64_t day, const core::TimeZone& home, const std::map<int64_t, uint8_t>& trips,
                   const std::vector<uint64_t>& home_ips) {
  DayContext ctx;
  ctx.day_s = day * scenario::kDay;
  ctx.utc_offset_s = home.OffsetSeconds(ctx.day_s + scenario::kDay / 2);
  const auto trip = trips.find(day);
  ctx.country = trip == trips.end() ? 0 : trip->second;
  ctx.home_ip = home_ips[(day - kFirstDay) / 150];
  ctx.weekend = (day + 3) % 7 >= 5;
  return ctx;
}

// A night-owl session in each occurrence of the repeated hour (DESIGN §8.6 needs such rows).
void AddFallBackSessions(Listener& listener, const core::TimeZone& zone, const core::TimeZone& home,
                         const std::map<int64_t, uint8_t>& trips,
                         const std::vector<uint64_t>& home_ips, Timeline& timeline) {
  for (const auto& [instant, step] : FallBackTransitions(zone, scenario::kAccountStart,
                                                         scenario::kExtendedEnd - scenario::kDay)) {
    const DayContext ctx = MakeDay(instant / scenario::kDay, home, trips, home_ips);
    for (const int64_t start : {instant - step + 120, instant + 120}) {
      const size_t first = timeline.plays.size();
      listener.PlaySessionAt(ctx, start * 1000, SessionMode::kShuffle, 12, timeline);
      // Not a private session: the account data must hold these plays.
      for (size_t i = first; i < timeline.plays.size(); ++i) {
        timeline.plays[i].flags &= static_cast<uint8_t>(~kIncognito);
      }
    }
  }
}

}  // namespace

std::vector<std::pair<int64_t, int>> FallBackTransitions(const core::TimeZone& zone, int64_t from,
                                                         int64_t to) {
  std::vector<std::pair<int64_t, int>> out;
  constexpr int64_t kStep = 900;  // zones change on quarter hours at the finest
  for (int64_t t = from + kStep; t < to; t += kStep) {
    const int before = zone.OffsetSeconds(t - kStep), after = zone.OffsetSeconds(t);
    if (after >= before) continue;
    int64_t lo = t - kStep, hi = t;  // offset(lo) == before, offset(hi) == after
    while (hi - lo > 1) {
      const int64_t mid = lo + (hi - lo) / 2;
      (zone.OffsetSeconds(mid) == before ? lo : hi) = mid;
    }
    out.emplace_back(hi, before - after);
  }
  return out;
}

Timeline BuildTimeline(const Catalog& catalog, Rng rng, int64_t events,
                       const core::TimeZone& account_zone) {
  Rng day_rng = rng.Fork("days");
  const auto trips = PlanTrips(day_rng);
  const auto counts = DayCounts(DayWeights(day_rng, trips), events);
  std::vector<uint64_t> home_ips;  // the home connection changes every ~5 months
  for (int64_t d = kFirstDay; d < kLastDay; d += 150) home_ips.push_back(HomeIp(day_rng));
  const core::TimeZone home = core::TimeZone::Named(scenario::kHomeZone);

  Timeline timeline;
  timeline.events = events;
  timeline.plays.reserve(static_cast<size_t>(events + events / 50 + 64));
  Listener listener(catalog, rng.Fork("listener"));
  for (int64_t day = kFirstDay; day < kLastDay; ++day) {
    const DayContext ctx = MakeDay(day, home, trips, home_ips);
    for (int64_t left = counts[day - kFirstDay]; left > 0;) {
      left -=
          listener.PlaySession(ctx, static_cast<int>(std::min<int64_t>(left, 1 << 20)), timeline);
    }
  }
  Listener night_owl(catalog, rng.Fork("fall-back"));
  AddFallBackSessions(night_owl, account_zone, home, trips, home_ips, timeline);
  auto& plays = timeline.plays;
  plays.erase(std::remove_if(plays.begin(), plays.end(),
                             [](const Play& p) { return p.end_ms >= scenario::kEnd * 1000; }),
              plays.end());
  std::sort(plays.begin(), plays.end(), [](const Play& a, const Play& b) {
    return a.end_ms != b.end_ms ? a.end_ms < b.end_ms : a.seq < b.seq;
  });
  return timeline;
}

}  // namespace uw::generator
