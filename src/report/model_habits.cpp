// How the listener listens: skips, completion, weekday versus weekend, the hour × weekday
// heatmap and sessions.
#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "report/model_parts.h"

namespace uw::report::detail {

void ComputeSkipsAndCompletion(const ReportData& data, const ModelOptions& options,
                               ReportModel& model) {
  const MusicPlays& m = data.music;
  Skips& s = model.skips;
  Completion& c = model.completion;
  s.overall.label = "All plays";
  for (int h = 0; h < 24; ++h) s.by_hour[h].label = std::to_string(h);
  std::vector<int64_t> artist_plays(m.artists.size(), 0), artist_skips(m.artists.size(), 0);
  for (size_t i = 0; i < m.size(); ++i) {
    ++s.overall.plays;
    s.overall.skips += m.is_skip[i];
    ++s.by_hour[m.local_hour[i]].plays;
    s.by_hour[m.local_hour[i]].skips += m.is_skip[i];
    if (m.artist[i] >= 0) ++artist_plays[m.artist[i]], artist_skips[m.artist[i]] += m.is_skip[i];
    ++c.plays;
    c.complete += m.is_complete[i];
    if (!std::isnan(m.completion_pct[i])) {
      ++c.with_duration;
      ++c.histogram[std::clamp(int(m.completion_pct[i] * 10), 0, 9)];
    }
  }
  for (int32_t a : TopIndices(artist_plays, artist_skips, options.top_n)) {
    s.by_artist.push_back({m.artists.name(a), artist_plays[a], artist_skips[a]});
  }
  c.reason_end = SumsBy(m.reasons, m.reason_end, nullptr);
}

void ComputeWeekAndHeatmap(const ReportData& data, ReportModel& model) {
  const MusicPlays& m = data.music;
  WeekPattern& w = model.week;
  int64_t plays[2] = {0, 0}, skips[2] = {0, 0};
  for (size_t i = 0; i < m.size(); ++i) {
    const int dow = m.local_dow[i] - 1;
    w.ms_played[dow] += m.ms_played[i];
    model.heatmap.ms_played[dow][m.local_hour[i]] += m.ms_played[i];
    const bool weekend = dow >= 5;
    ++plays[weekend];
    skips[weekend] += m.is_skip[i];
  }
  if (m.size() == 0) return;
  // Per calendar day of the listened span, so a history with more Mondays is not favoured;
  // 1970-01-01 was a Thursday (dow 4).
  for (int32_t day = model.first_date; day <= model.last_date; ++day)
    ++w.days[((day % 7) + 7 + 3) % 7];
  int64_t ms[2] = {0, 0}, days[2] = {0, 0};
  for (int d = 0; d < 7; ++d) ms[d >= 5] += w.ms_played[d], days[d >= 5] += w.days[d];
  w.weekday_ms_per_day = days[0] ? double(ms[0]) / double(days[0]) : 0;
  w.weekend_ms_per_day = days[1] ? double(ms[1]) / double(days[1]) : 0;
  w.weekday_skip_rate = plays[0] ? double(skips[0]) / double(plays[0]) : 0;
  w.weekend_skip_rate = plays[1] ? double(skips[1]) / double(plays[1]) : 0;
}

namespace {

struct SessionSpan {
  int64_t start_ms = 0, end_ms = 0, plays = 0;
  int32_t date = 0;
};

// Session length buckets: upper bounds in minutes.
constexpr int64_t kBucketMinutes[] = {15, 30, 60, 120, 240};

int64_t Median(std::vector<int64_t> values) {
  if (values.empty()) return 0;
  const size_t mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + mid, values.end());
  if (values.size() % 2) return values[mid];
  const int64_t upper = values[mid];
  const int64_t lower = *std::max_element(values.begin(), values.begin() + mid);
  return (lower + upper) / 2;
}

}  // namespace

void ComputeSessions(const ReportData& data, ReportModel& model) {
  const MusicPlays& m = data.music;
  // Gold splits sessions over every play; the report measures each by the plays it counts.
  std::unordered_map<int64_t, SessionSpan> spans;
  for (size_t i = 0; i < m.size(); ++i) {
    auto [it, added] = spans.try_emplace(m.session_id[i]);
    SessionSpan& s = it->second;
    if (added || m.started_at_ms[i] < s.start_ms)
      s.start_ms = m.started_at_ms[i], s.date = m.local_date[i];
    s.end_ms = added ? m.ended_at_ms[i] : std::max(s.end_ms, m.ended_at_ms[i]);
    ++s.plays;
  }
  Sessions& out = model.sessions;
  out.bucket_labels = {"< 15 min", "15–30 min", "30–60 min", "1–2 h", "2–4 h", "4 h +"};
  out.buckets.assign(out.bucket_labels.size(), 0);
  std::vector<int64_t> lengths, plays;
  for (const auto& [id, s] : spans) {
    const int64_t length = std::max<int64_t>(0, s.end_ms - s.start_ms);
    lengths.push_back(length);
    plays.push_back(s.plays);
    const auto bucket =
        std::upper_bound(std::begin(kBucketMinutes), std::end(kBucketMinutes), length / 60000) -
        std::begin(kBucketMinutes);
    ++out.buckets[bucket];
    const bool longer =
        length > out.longest_ms || (length == out.longest_ms && s.date < out.longest_date);
    if (out.count == 0 || longer)
      out.longest_ms = length, out.longest_plays = s.plays, out.longest_date = s.date;
    ++out.count;
  }
  out.median_ms = Median(lengths);
  out.median_plays = double(Median(plays));
}

}  // namespace uw::report::detail
