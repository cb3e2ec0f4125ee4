#include "pipeline/gold/group_index.h"

#include <algorithm>
#include <unordered_map>

#include "core/error.h"

namespace uw::gold {
namespace {

// The per-play vectors the aggregates read must cover every play; a shorter one is a bug in
// whoever built GoldPlays, better named here than read past its end.
template <typename T>
void CheckCovers(const std::vector<T>& values, size_t rows, const char* name) {
  if (values.size() != rows) {
    Fail(ErrorCode::kInternal, "GoldPlays.{} has {} entries for {} plays", name, values.size(),
         rows);
  }
}

void SortById(Entities& e, const parquet::ColumnVector& ids, const parquet::ColumnVector& dim_ids) {
  std::vector<std::string_view> id(e.size());
  for (size_t k = 0; k < e.size(); ++k) {
    id[k] = e.dim_row[k] >= 0 ? dim_ids.GetString(e.dim_row[k]) : ids.GetString(e.any_play[k]);
  }
  e.by_id.resize(e.size());
  for (size_t k = 0; k < e.size(); ++k) e.by_id[k] = static_cast<int32_t>(k);
  std::sort(e.by_id.begin(), e.by_id.end(), [&](int32_t a, int32_t b) { return id[a] < id[b]; });
  e.id_rank.resize(e.size());
  for (size_t r = 0; r < e.size(); ++r) e.id_rank[e.by_id[r]] = static_cast<int32_t>(r);
}

}  // namespace

Entities IndexEntities(const parquet::ColumnVector& ids, const std::vector<int32_t>& dim_rows,
                       const parquet::ColumnVector& dim_ids) {
  Entities e;
  const size_t rows = ids.size();
  const auto dim_size = static_cast<int32_t>(dim_ids.size());
  e.of_play.assign(rows, -1);
  std::vector<int32_t> entity_of_row(dim_size, -1);
  // Only plays that missed their join are looked up by text, so the common case hashes nothing.
  std::unordered_map<std::string_view, int32_t> dim_row_of_id, entity_of_id;
  const auto new_entity = [&](int32_t dim_row, uint32_t play) {
    e.dim_row.push_back(dim_row);
    e.any_play.push_back(play);
    return static_cast<int32_t>(e.dim_row.size() - 1);
  };
  for (size_t i = 0; i < rows; ++i) {
    const auto play = static_cast<uint32_t>(i);
    int32_t row = i < dim_rows.size() ? dim_rows[i] : -1;
    if (row >= dim_size) row = -1;
    if (row < 0 && !ids.IsNull(i)) {
      if (dim_row_of_id.empty()) {
        for (int32_t r = 0; r < dim_size; ++r) dim_row_of_id.emplace(dim_ids.GetString(r), r);
      }
      const auto found = dim_row_of_id.find(ids.GetString(i));
      if (found != dim_row_of_id.end()) {
        row = found->second;
      } else {
        const auto [it, fresh] = entity_of_id.try_emplace(ids.GetString(i), 0);
        if (fresh) it->second = new_entity(-1, play);
        e.of_play[i] = it->second;
        e.any_play[it->second] = play;
        continue;
      }
    }
    if (row < 0) continue;
    int32_t& entity = entity_of_row[row];
    if (entity < 0) entity = new_entity(row, play);
    e.of_play[i] = entity;
    e.any_play[entity] = play;
  }
  SortById(e, ids, dim_ids);
  return e;
}

PlayIndex IndexPlays(const GoldPlays& plays) {
  const size_t rows = plays.size();
  CheckCovers(plays.local_date, rows, "local_date");
  CheckCovers(plays.local_hour, rows, "local_hour");
  CheckCovers(plays.local_dow, rows, "local_dow");
  CheckCovers(plays.counted, rows, "counted");
  CheckCovers(plays.completion, rows, "completion");
  CheckCovers(plays.is_complete, rows, "is_complete");
  CheckCovers(plays.top_genre, rows, "top_genre");
  CheckCovers(plays.features_row, rows, "features_row");
  CheckCovers(plays.session_of, rows, "session_of");
  const parquet::Batch& events = plays.events;
  const SilverInputs& silver = plays.silver;
  PlayIndex index{
      plays,
      events.column("ended_at").int64s(),
      events.column("started_at").int64s(),
      events.column("ms_played").int64s(),
      events.column("is_skip").bools(),
      events.column("is_stream").bools(),
      events.column("incognito_mode").bools(),
      IndexEntities(events.column("track_id"), plays.track_row, silver.tracks.column("track_id")),
      IndexEntities(events.column("artist_id"), plays.artist_row,
                    silver.artists.column("artist_id")),
      IndexEntities(events.column("album_id"), plays.album_row, silver.albums.column("album_id")),
      {},
      {},
  };
  for (size_t i = 0; i < rows; ++i) {
    if (plays.counted[i]) index.counted.push_back(static_cast<uint32_t>(i));
  }
  index.genre_rank.resize(plays.genres.size());
  std::vector<int32_t> by_name(plays.genres.size());
  for (size_t g = 0; g < by_name.size(); ++g) by_name[g] = static_cast<int32_t>(g);
  std::sort(by_name.begin(), by_name.end(),
            [&](int32_t a, int32_t b) { return plays.genres[a] < plays.genres[b]; });
  for (size_t r = 0; r < by_name.size(); ++r)
    index.genre_rank[by_name[r]] = static_cast<int32_t>(r);
  return index;
}

std::string_view EntityText(const Entities& entities, int32_t entity,
                            const parquet::ColumnVector& dim_column,
                            const parquet::ColumnVector& play_column) {
  const int32_t row = entities.dim_row[entity];
  if (row >= 0 && !dim_column.IsNull(row)) return dim_column.GetString(row);
  const uint32_t play = entities.any_play[entity];
  return play_column.IsNull(play) ? std::string_view() : play_column.GetString(play);
}

Groups GroupBy(std::span<const uint32_t> rows, const std::vector<int32_t>& key_of_play,
               size_t num_keys) {
  Groups groups;
  groups.offsets.assign(num_keys + 1, 0);
  for (const uint32_t p : rows) {
    if (key_of_play[p] >= 0) ++groups.offsets[key_of_play[p] + 1];
  }
  for (size_t k = 0; k < num_keys; ++k) groups.offsets[k + 1] += groups.offsets[k];
  groups.plays.resize(groups.offsets[num_keys]);
  std::vector<uint32_t> next(groups.offsets.begin(), groups.offsets.end() - 1);
  for (const uint32_t p : rows) {
    if (key_of_play[p] >= 0) groups.plays[next[key_of_play[p]]++] = p;
  }
  return groups;
}

int32_t TopByMs::Find(std::span<const uint32_t> group, const std::vector<int32_t>& key_of_play,
                      std::span<const int64_t> ms_played, const std::vector<int32_t>& tie_rank) {
  for (const uint32_t p : group) {
    const int32_t key = key_of_play[p];
    if (key < 0 || ms_played[p] <= 0) continue;
    if (ms_[key] == 0) touched_.push_back(key);
    ms_[key] += ms_played[p];
  }
  int32_t best = -1;
  for (const int32_t key : touched_) {
    if (best < 0 || ms_[key] > ms_[best] ||
        (ms_[key] == ms_[best] && tie_rank[key] < tie_rank[best]))
      best = key;
  }
  for (const int32_t key : touched_) ms_[key] = 0;
  touched_.clear();
  return best;
}

}  // namespace uw::gold
