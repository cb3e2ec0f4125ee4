#include "report/report_model.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "core/civil_time.h"
#include "report/model_parts.h"

namespace uw::report {
namespace detail {

int32_t MonthIndex(int32_t day) {
  // Plays come month by month (gold files) and in time order within one, so most calls ask for
  // the day of the call before: the last answer saves converting a million days several times.
  thread_local int32_t last_day = 0, last_month = -1;
  if (day == last_day && last_month >= 0) return last_month;
  const core::CivilDate d = core::CivilFromDays(day);
  last_day = day, last_month = d.year * 12 + d.month - 1;
  return last_month;
}

std::string MonthLabel(int32_t month_index) {
  return fmt::format("{:04}-{:02}", month_index / 12, month_index % 12 + 1);
}

int32_t MonthsBefore(int32_t day, int months) {
  const core::CivilDate d = core::CivilFromDays(day);
  const int index = d.year * 12 + d.month - 1 - months;
  const int year = index / 12, month = index % 12 + 1;
  const int next_year = (index + 1) / 12, next_month = (index + 1) % 12 + 1;
  const int64_t month_end = core::DaysFromCivil(next_year, next_month, 1) - 1;
  return static_cast<int32_t>(
      std::min<int64_t>(core::DaysFromCivil(year, month, d.day), month_end));
}

int YearOf(int32_t day) {
  const int32_t month = MonthIndex(day);
  return month >= 0 ? month / 12 : core::CivilFromDays(day).year;
}

MonthSeries MonthAxis(int32_t first_date, int32_t last_date) {
  MonthSeries axis;
  for (int32_t m = MonthIndex(first_date), last = MonthIndex(last_date); m <= last; ++m) {
    axis.months.push_back(MonthLabel(m));
    axis.values.push_back(0);
  }
  return axis;
}

std::vector<int32_t> TopIndices(const std::vector<int64_t>& key, const std::vector<int64_t>& tie,
                                size_t n) {
  std::vector<int32_t> order(key.size());
  std::iota(order.begin(), order.end(), 0);
  const auto better = [&](int32_t a, int32_t b) {
    if (key[a] != key[b]) return key[a] > key[b];
    if (tie[a] != tie[b]) return tie[a] > tie[b];
    return a < b;
  };
  const size_t keep = std::min(n, order.size());
  std::partial_sort(order.begin(), order.begin() + keep, order.end(), better);
  order.resize(keep);
  // Entries with nothing to show (zero minutes and plays) are not "top" anything.
  while (!order.empty() && key[order.back()] == 0) order.pop_back();
  return order;
}

std::vector<std::pair<std::string, int64_t>> SumsBy(const Dictionary& dict,
                                                    const std::vector<int32_t>& codes,
                                                    const std::vector<int64_t>* weights) {
  std::vector<int64_t> sums(dict.size() + 1, 0);  // the last: null
  for (size_t i = 0; i < codes.size(); ++i) {
    sums[codes[i] < 0 ? dict.size() : size_t(codes[i])] += weights ? (*weights)[i] : 1;
  }
  std::vector<std::pair<std::string, int64_t>> out;
  for (size_t c = 0; c < sums.size(); ++c) {
    if (sums[c] > 0)
      out.emplace_back(c < dict.size() ? dict.name(int32_t(c)) : kNotRecorded, sums[c]);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

namespace {

// Distinct values per group, rows given group by group (`rows`, with group g at
// rows[start[g]..start[g + 1])): a value counts for a group the first time it is seen there, so
// one mark per value replaces sorting a pair per row. Negative values (null codes) never count.
template <typename ValueOf>
std::vector<int64_t> DistinctPerGroup(const std::vector<uint32_t>& rows,
                                      const std::vector<uint32_t>& start, size_t values,
                                      ValueOf value_of) {
  const size_t groups = start.size() - 1;
  std::vector<int64_t> out(groups, 0);
  std::vector<int32_t> seen_in(values, -1);  // the last group that saw the value
  for (size_t g = 0; g < groups; ++g) {
    for (uint32_t at = start[g]; at < start[g + 1]; ++at) {
      const int64_t v = value_of(rows[at]);
      if (v < 0 || seen_in[v] == int32_t(g)) continue;
      seen_in[v] = int32_t(g);
      ++out[g];
    }
  }
  return out;
}

// Totals of every play, grouped by `group_of(play)` in [0, groups).
template <typename GroupOf>
std::vector<Totals> GroupTotals(const MusicPlays& m, size_t groups, GroupOf group_of) {
  std::vector<Totals> out(groups);
  std::vector<int32_t> group(m.size());
  std::vector<uint32_t> start(groups + 1, 0);
  int32_t first_day = 0, last_day = -1;  // of the days counted (dates from 1970 on)
  for (size_t i = 0; i < m.size(); ++i) {
    const int32_t g = group_of(i);
    group[i] = g;
    ++start[g + 1];
    out[g].ms_played += m.ms_played[i];
    ++out[g].plays;
    out[g].streams += m.is_stream[i];
    const int32_t day = m.local_date[i];
    if (day >= 0 && (last_day < first_day || day < first_day)) first_day = day;
    if (day >= 0 && day > last_day) last_day = day;
  }
  // The rows group by group (a counting sort, stable).
  for (size_t g = 0; g < groups; ++g) start[g + 1] += start[g];
  std::vector<uint32_t> rows(m.size()), next(start.begin(), start.end() - 1);
  for (size_t i = 0; i < m.size(); ++i) rows[next[group[i]]++] = uint32_t(i);
  const auto a = DistinctPerGroup(rows, start, m.artists.size(),
                                  [&](uint32_t i) { return int64_t(m.artist[i]); });
  const auto t = DistinctPerGroup(rows, start, m.tracks.size(),
                                  [&](uint32_t i) { return int64_t(m.track[i]); });
  const size_t days = last_day >= first_day ? size_t(last_day - first_day + 1) : 0;
  const auto d = DistinctPerGroup(rows, start, days, [&](uint32_t i) {
    return m.local_date[i] < 0 ? int64_t(-1) : int64_t(m.local_date[i] - first_day);
  });
  for (size_t g = 0; g < groups; ++g)
    out[g].artists = a[g], out[g].tracks = t[g], out[g].days = d[g];
  return out;
}

TopLists Top(const Dictionary& dict, const std::vector<int32_t>& codes, const MusicPlays& m,
             size_t n) {
  std::vector<int64_t> ms(dict.size(), 0), plays(dict.size(), 0);
  for (size_t i = 0; i < m.size(); ++i) {
    if (codes[i] < 0) continue;
    ms[codes[i]] += m.ms_played[i];
    ++plays[codes[i]];
  }
  const auto entry = [&](int32_t c) {
    return Ranked{dict.name(c), dict.detail(c), ms[c], plays[c]};
  };
  TopLists out;
  for (int32_t c : TopIndices(ms, plays, n)) out.by_minutes.push_back(entry(c));
  for (int32_t c : TopIndices(plays, ms, n)) out.by_plays.push_back(entry(c));
  return out;
}

// Buckets for taste evolution: a long history by year, a year or two by quarter, else months.
struct Buckets {
  std::string kind;
  int32_t first = 0;  // bucket index of the first play
  size_t count = 0;
  int32_t Of(int32_t day) const {
    const int32_t m = MonthIndex(day);
    return (kind == "year" ? m / 12 : kind == "quarter" ? m / 3 : m) - first;
  }
  std::string Label(size_t b) const {
    const int32_t v = first + static_cast<int32_t>(b);
    if (kind == "year") return std::to_string(v);
    if (kind == "quarter") return fmt::format("{} Q{}", v / 4, v % 4 + 1);
    return MonthLabel(v);
  }
};

Buckets BucketsFor(int32_t first_date, int32_t last_date) {
  const int32_t months = MonthIndex(last_date) - MonthIndex(first_date) + 1;
  Buckets b;
  b.kind = months > 36 ? "year" : months > 8 ? "quarter" : "month";
  b.first = 0;
  const int32_t first = b.Of(first_date);
  b.first = first;
  b.count = static_cast<size_t>(b.Of(last_date) + 1);
  return b;
}

}  // namespace

void ComputeOverview(const ReportData& data, ReportModel& model) {
  const MusicPlays& m = data.music;
  model.totals = GroupTotals(m, 1, [](size_t) { return 0; })[0];
  if (m.size() == 0) return;
  // One calendar year: its months; longer: its years.
  const int first_year = YearOf(model.first_date), last_year = YearOf(model.last_date);
  const bool by_month = first_year == last_year;
  model.series_kind = by_month ? "month" : "year";
  const int32_t base = by_month ? MonthIndex(model.first_date) : first_year;
  const size_t groups = by_month ? size_t(MonthIndex(model.last_date) - base + 1)
                                 : size_t(last_year - first_year + 1);
  const auto totals = GroupTotals(m, groups, [&](size_t i) {
    return (by_month ? MonthIndex(m.local_date[i]) : YearOf(m.local_date[i])) - base;
  });
  for (size_t g = 0; g < groups; ++g) {
    const int32_t v = base + static_cast<int32_t>(g);
    model.series.push_back({by_month ? MonthLabel(v) : std::to_string(v), totals[g]});
  }
}

void ComputeTopLists(const ReportData& data, const ModelOptions& options, ReportModel& model) {
  const MusicPlays& m = data.music;
  model.artists = Top(m.artists, m.artist, m, options.top_n);
  model.tracks = Top(m.tracks, m.track, m, options.top_n);
  model.albums = Top(m.albums, m.album, m, options.top_n);
}

void ComputeTaste(const ReportData& data, const ModelOptions& options, ReportModel& model) {
  const MusicPlays& m = data.music;
  if (m.size() == 0) return;
  const bool by_genre =
      std::any_of(m.genre.begin(), m.genre.end(), [](int32_t g) { return g >= 0; });
  const std::vector<int32_t>& codes = by_genre ? m.genre : m.artist;
  const Dictionary& dict = by_genre ? m.genres : m.artists;
  const Buckets buckets = BucketsFor(model.first_date, model.last_date);

  std::vector<int64_t> overall(dict.size(), 0), none(dict.size(), 0);
  for (size_t i = 0; i < m.size(); ++i) {
    if (codes[i] >= 0) overall[codes[i]] += m.ms_played[i];
  }
  const std::vector<int32_t> shown = TopIndices(overall, none, options.share_series);
  std::vector<int32_t> series_of(dict.size(), static_cast<int32_t>(shown.size()));  // "Other"
  for (size_t s = 0; s < shown.size(); ++s) series_of[shown[s]] = static_cast<int32_t>(s);

  std::vector<std::vector<int64_t>> ms(shown.size() + 1, std::vector<int64_t>(buckets.count, 0));
  std::vector<int64_t> bucket_total(buckets.count, 0);
  for (size_t i = 0; i < m.size(); ++i) {
    if (codes[i] < 0) continue;  // genre shares are of the plays that have a genre
    const int32_t b = buckets.Of(m.local_date[i]);
    ms[series_of[codes[i]]][b] += m.ms_played[i];
    bucket_total[b] += m.ms_played[i];
  }
  Taste& t = model.taste;
  t.by_genre = by_genre;
  t.bucket_kind = buckets.kind;
  for (size_t b = 0; b < buckets.count; ++b) t.shares.buckets.push_back(buckets.Label(b));
  for (int32_t code : shown) t.shares.series.push_back(dict.name(code));
  const bool other =
      std::any_of(ms.back().begin(), ms.back().end(), [](int64_t v) { return v > 0; });
  // Genres are few, so the rest is one readable "Other"; the rest of the artists would dwarf
  // the few drawn, so their bars show only the leaders' shares.
  if (other && by_genre) t.shares.series.push_back("Other");
  for (size_t s = 0; s < t.shares.series.size(); ++s) {
    std::vector<double> row(buckets.count, 0.0);
    for (size_t b = 0; b < buckets.count; ++b) {
      if (bucket_total[b] > 0) row[b] = double(ms[s][b]) / double(bucket_total[b]);
    }
    t.shares.shares.push_back(std::move(row));
  }
}

}  // namespace detail

ReportModel BuildModel(const ReportData& data, const ModelOptions& options) {
  ReportModel model;
  model.period = data.period;
  model.local_tz = data.local_tz;
  model.include_incognito = data.include_incognito;
  model.excluded = data.excluded;
  for (uint8_t flag : data.music.incognito) model.incognito_included += flag;
  const auto& dates = data.music.local_date;
  if (!dates.empty()) {
    const auto [lo, hi] = std::minmax_element(dates.begin(), dates.end());
    model.first_date = *lo, model.last_date = *hi;
  }
  detail::ComputeOverview(data, model);
  detail::ComputeTopLists(data, options, model);
  detail::ComputeTaste(data, options, model);
  detail::ComputeMood(data, model);
  detail::ComputeSkipsAndCompletion(data, options, model);
  detail::ComputeWeekAndHeatmap(data, model);
  detail::ComputeSessions(data, model);
  detail::ComputeDiscoveries(data, options, model);
  detail::ComputePodcasts(data, options, model);
  detail::ComputePlatformsAndCoverage(data, model);
  return model;
}

}  // namespace uw::report
