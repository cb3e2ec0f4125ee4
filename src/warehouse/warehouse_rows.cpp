#include "warehouse/warehouse_rows.h"

#include <algorithm>
#include <deque>

#include "core/error.h"

namespace uw::warehouse {
namespace {

using parquet::ColumnType;
using parquet::ColumnVector;

// The columns of a core table under construction, in table order.
class Columns {
 public:
  explicit Columns(const parquet::Batch& in) : in_(in) {}

  // Column `from` of the lake batch as `to`; all null when the lake version lacks it (enrichment
  // columns). int32 widens to int64 where the warehouse column is BIGINT.
  void Copy(const std::string& to, ColumnType type, std::string_view from = {}) {
    ColumnVector& out = Add(to, type);
    const auto index = in_.schema().IndexOf(from.empty() ? std::string_view(to) : from);
    const size_t rows = in_.num_rows();
    if (!index) {
      for (size_t r = 0; r < rows; ++r) out.AppendNull();
      return;
    }
    const ColumnVector& source = in_.column(*index);
    if (source.type() == type) return out.AppendRange(source, 0, rows);
    if (source.type() == ColumnType::kInt32 && type == ColumnType::kInt64) {
      for (size_t r = 0; r < rows; ++r) {
        source.IsNull(r) ? out.AppendNull() : out.AppendInt64(source.GetInt32(r));
      }
      return;
    }
    Fail(ErrorCode::kCorrupt, "lake column {} is {}, expected {}", from.empty() ? to : from,
         parquet::ColumnTypeName(source.type()), parquet::ColumnTypeName(type));
  }

  // A computed column, filled by the caller row by row.
  ColumnVector& Add(const std::string& name, ColumnType type) {
    fields_.push_back({name, type, true});
    columns_.emplace_back(type);
    return columns_.back();
  }

  parquet::Batch Take() {
    std::vector<ColumnVector> columns(std::make_move_iterator(columns_.begin()),
                                      std::make_move_iterator(columns_.end()));
    return parquet::Batch(parquet::Schema(fields_), std::move(columns));
  }

 private:
  const parquet::Batch& in_;
  std::vector<parquet::Field> fields_;
  std::deque<ColumnVector> columns_;  // a deque: Add's references stay valid
};

void CopyAll(Columns& c, ColumnType type, std::initializer_list<const char*> names) {
  for (const char* name : names) c.Copy(name, type);
}

// The columns both fact tables compute: partition, calendar keys, seconds, reason ids.
void AddFactKeys(Columns& c, const parquet::Batch& in, Month month, const ReasonLookup& reason_id) {
  const size_t rows = in.num_rows();
  ColumnVector& year = c.Add("utc_year", ColumnType::kInt32);
  ColumnVector& month_col = c.Add("utc_month", ColumnType::kInt32);
  ColumnVector& date_id = c.Add("date_id", ColumnType::kInt32);
  ColumnVector& time_id = c.Add("time_id", ColumnType::kInt32);
  ColumnVector& sec_played = c.Add("sec_played", ColumnType::kDouble);
  ColumnVector& start_id = c.Add("reason_start_id", ColumnType::kInt64);
  ColumnVector& end_id = c.Add("reason_end_id", ColumnType::kInt64);
  const auto &local_year = in.column("local_year"), &local_month = in.column("local_month"),
             &local_day = in.column("local_day"), &local_hour = in.column("local_hour"),
             &local_ts = in.column("local_ts"), &ms = in.column("ms_played"),
             &reason_start = in.column("reason_start"), &reason_end = in.column("reason_end");
  const auto append_reason = [&](ColumnVector& out, const ColumnVector& reason, size_t r,
                                 std::string_view group) {
    const auto id = reason.IsNull(r) ? std::nullopt : reason_id(reason.GetString(r), group);
    id ? out.AppendInt64(*id) : out.AppendNull();
  };
  for (size_t r = 0; r < rows; ++r) {
    year.AppendInt32(month.first);
    month_col.AppendInt32(month.second);
    date_id.AppendInt32(local_year.GetInt32(r) * 10000 + local_month.GetInt32(r) * 100 +
                        local_day.GetInt32(r));
    // local_ts is YYYY-MM-DDTHH:MM:SS: the minute is at 14..15.
    const std::string_view ts = local_ts.GetString(r);
    const int minute = ts.size() >= 16 ? (ts[14] - '0') * 10 + (ts[15] - '0') : 0;
    time_id.AppendInt32(local_hour.GetInt32(r) * 60 + minute);
    sec_played.AppendDouble(static_cast<double>(ms.GetInt64(r)) / 1000.0);
    append_reason(start_id, reason_start, r, "start");
    append_reason(end_id, reason_end, r, "end");
  }
}

}  // namespace

std::set<std::pair<std::string, std::string>> ReasonsOf(const parquet::Batch& facts) {
  std::set<std::pair<std::string, std::string>> out;
  for (const auto& [column, group] : {std::pair{"reason_start", "start"}, {"reason_end", "end"}}) {
    const ColumnVector& reasons = facts.column(column);
    for (size_t r = 0; r < reasons.size(); ++r) {
      if (!reasons.IsNull(r)) out.emplace(std::string(reasons.GetString(r)), group);
    }
  }
  return out;
}

parquet::Batch FactTracksRows(const parquet::Batch& in, Month month,
                              const ReasonLookup& reason_id) {
  Columns c(in);
  CopyAll(c, ColumnType::kString, {"event_id"});
  CopyAll(c, ColumnType::kTimestamp, {"ended_at", "started_at"});
  CopyAll(c, ColumnType::kString, {"local_ts", "local_tz"});
  c.Copy("local_utc_offset_s", ColumnType::kInt32);
  CopyAll(c, ColumnType::kString, {"track_id", "artist_id", "album_id"});
  c.Copy("ms_played", ColumnType::kInt64);
  c.Copy("ms_played_estimated", ColumnType::kBoolean);
  // percent_played: gold's completion_pct (capped at 1.0) as a percentage; null without duration.
  ColumnVector& percent = c.Add("percent_played", ColumnType::kDouble);
  const ColumnVector& completion = in.column("completion_pct");
  for (size_t r = 0; r < in.num_rows(); ++r) {
    completion.IsNull(r) ? percent.AppendNull()
                         : percent.AppendDouble(completion.GetDouble(r) * 100);
  }
  CopyAll(c, ColumnType::kBoolean,
          {"is_complete", "shuffle", "skipped", "is_skip", "is_stream", "offline"});
  c.Copy("offline_at", ColumnType::kTimestamp);
  CopyAll(c, ColumnType::kBoolean, {"incognito_mode", "counted"});
  CopyAll(c, ColumnType::kString,
          {"platform", "conn_country", "context_type", "context_uri", "source", "sources"});
  c.Copy("session_id", ColumnType::kInt64);
  c.Copy("session_position", ColumnType::kInt32);
  AddFactKeys(c, in, month, reason_id);
  return c.Take();
}

parquet::Batch FactPodcastsRows(const parquet::Batch& in, Month month,
                                const ReasonLookup& reason_id) {
  Columns c(in);
  CopyAll(c, ColumnType::kString, {"event_id"});
  CopyAll(c, ColumnType::kTimestamp, {"ended_at", "started_at"});
  CopyAll(c, ColumnType::kString, {"local_ts", "local_tz"});
  c.Copy("local_utc_offset_s", ColumnType::kInt32);
  c.Copy("episode_id", ColumnType::kString);
  c.Copy("podcast_id", ColumnType::kString, "show_id");
  c.Copy("content_type", ColumnType::kString);
  c.Copy("ms_played", ColumnType::kInt64);
  c.Copy("ms_played_estimated", ColumnType::kBoolean);
  // Episodes have no duration in the lake yet (enrichment will add it): null, never invented.
  c.Copy("percent_played", ColumnType::kDouble, "completion_pct");
  CopyAll(c, ColumnType::kBoolean, {"shuffle", "skipped", "is_skip", "is_stream", "offline"});
  c.Copy("offline_at", ColumnType::kTimestamp);
  CopyAll(c, ColumnType::kBoolean, {"incognito_mode", "counted"});
  CopyAll(c, ColumnType::kString, {"platform", "conn_country", "source", "sources"});
  AddFactKeys(c, in, month, reason_id);
  return c.Take();
}

parquet::Batch DimArtistRows(const parquet::Batch& in) {
  Columns c(in);
  CopyAll(c, ColumnType::kString, {"artist_id", "artist_uri", "artist_name"});
  c.Copy("name_only", ColumnType::kBoolean);
  CopyAll(c, ColumnType::kString, {"primary_genre", "genres", "top_tag", "combined_genres"});
  return c.Take();
}

parquet::Batch DimAlbumRows(const parquet::Batch& in) {
  Columns c(in);
  CopyAll(c, ColumnType::kString,
          {"album_id", "album_uri", "album_name", "artist_id", "artist_name"});
  c.Copy("name_only", ColumnType::kBoolean);
  CopyAll(c, ColumnType::kString, {"album_type", "release_date", "label"});
  c.Copy("popularity", ColumnType::kInt32);
  return c.Take();
}

parquet::Batch DimTrackRows(const parquet::Batch& in, const std::vector<ParentLink>& links) {
  Columns c(in);
  CopyAll(c, ColumnType::kString,
          {"track_id", "track_uri", "track_name", "artist_id", "artist_name", "album_id",
           "album_name"});
  c.Copy("duration_ms", ColumnType::kInt64);
  ColumnVector& seconds = c.Add("duration_sec", ColumnType::kDouble);
  const ColumnVector& duration = in.column("duration_ms");
  for (size_t r = 0; r < in.num_rows(); ++r) {
    duration.IsNull(r) ? seconds.AppendNull()
                       : seconds.AppendDouble(static_cast<double>(duration.GetInt64(r)) / 1000.0);
  }
  c.Copy("name_only", ColumnType::kBoolean);
  c.Copy("explicit", ColumnType::kBoolean);
  c.Copy("popularity", ColumnType::kInt32, "track_popularity");
  CopyAll(c, ColumnType::kString, {"isrc", "release_date"});
  c.Copy("release_year", ColumnType::kInt32);
  c.Copy("top_tag", ColumnType::kString);
  CopyAll(c, ColumnType::kDouble, {"energy", "valence", "danceability", "tempo"});
  CopyAll(c, ColumnType::kTimestamp, {"first_played_at", "last_played_at"});
  ColumnVector& parent = c.Add("parent_track_id", ColumnType::kString);
  const ColumnVector& ids = in.column("track_id");
  for (size_t r = 0; r < in.num_rows(); ++r) {
    const auto it = std::lower_bound(
        links.begin(), links.end(), ids.GetString(r),
        [](const ParentLink& link, std::string_view id) { return link.track_id < id; });
    if (it != links.end() && it->track_id == ids.GetString(r)) {
      parent.AppendString(it->parent_track_id);
    } else {
      parent.AppendNull();
    }
  }
  return c.Take();
}

parquet::Batch DimPodcastRows(const parquet::Batch& in) {
  Columns c(in);
  c.Copy("podcast_id", ColumnType::kString, "show_id");
  c.Copy("podcast_uri", ColumnType::kString, "show_uri");
  c.Copy("podcast_name", ColumnType::kString, "show_name");
  c.Copy("kind", ColumnType::kString);
  return c.Take();
}

parquet::Batch DimEpisodeRows(const parquet::Batch& in) {
  Columns c(in);
  CopyAll(c, ColumnType::kString, {"episode_id", "episode_uri", "episode_name", "content_type"});
  c.Copy("podcast_id", ColumnType::kString, "show_id");
  c.Copy("podcast_name", ColumnType::kString, "show_name");
  CopyAll(c, ColumnType::kTimestamp, {"first_played_at", "last_played_at"});
  return c.Take();
}

parquet::Batch ParentTrackRows(const std::vector<ParentLink>& links, int64_t now_us) {
  parquet::Batch rows(parquet::Schema({{"track_id", ColumnType::kString, false},
                                       {"parent_track_id", ColumnType::kString, false},
                                       {"artist_id", ColumnType::kString, false},
                                       {"track_name", ColumnType::kString, true},
                                       {"parent_track_name", ColumnType::kString, true},
                                       {"rule", ColumnType::kString, false},
                                       {"mapped_at", ColumnType::kTimestamp, false}}));
  for (const ParentLink& l : links) {
    size_t i = 0;
    for (const std::string* s : {&l.track_id, &l.parent_track_id, &l.artist_id, &l.track_name,
                                 &l.parent_track_name, &l.rule}) {
      rows.column(i++).AppendString(*s);
    }
    rows.column(i).AppendInt64(now_us);
  }
  return rows;
}

std::optional<std::pair<int32_t, int32_t>> DateIdRange(const parquet::Batch& rows) {
  if (rows.num_rows() == 0) return std::nullopt;
  const auto ids = rows.column("date_id").int32s();
  const auto [lo, hi] = std::minmax_element(ids.begin(), ids.end());
  return std::pair{*lo, *hi};
}

}  // namespace uw::warehouse
