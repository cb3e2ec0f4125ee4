// Dense integer indexes the aggregate builders group by, built once per table from GoldPlays:
// every track, artist and album a play names gets a small id (its silver dimension row when the
// play joined one), plays are grouped by key with a counting sort, and distinct counts and
// "top by ms_played" run over scratch arrays. No string is allocated per play. Not thread safe.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

#include "pipeline/gold/gold_plays.h"

namespace uw::gold {

// The tracks (or artists, albums) the plays name, numbered 0..size()-1.
struct Entities {
  std::vector<int32_t> of_play;    // per play: its entity, -1 when the play names none
  std::vector<int32_t> dim_row;    // per entity: its silver dimension row, -1 when it has none
  std::vector<uint32_t> any_play;  // per entity: the latest play naming it (names without a row)
  std::vector<int32_t> by_id;      // the entities in ascending id order (byte order)
  std::vector<int32_t> id_rank;    // per entity: its position in by_id (ties are broken by it)
  size_t size() const { return dim_row.size(); }
};

// Numbers the distinct non-null values of the play column `ids` (e.g. listening_events
// artist_id). A play with dim_rows[i] >= 0 uses that row of `dim_ids` (the dimension's id
// column); any other play is looked up by its id string, so a play that missed its join still
// groups with the plays that made it.
Entities IndexEntities(const parquet::ColumnVector& ids, const std::vector<int32_t>& dim_rows,
                       const parquet::ColumnVector& dim_ids);

// The view of GoldPlays every aggregate reads: raw columns and the three entity indexes.
struct PlayIndex {
  const GoldPlays& plays;
  std::span<const int64_t> ended_at_us, started_at_us, ms_played;
  std::span<const uint8_t> is_skip, is_stream, incognito;
  Entities tracks, artists, albums;
  std::vector<uint32_t> counted;    // the counted plays, ascending (so in time order)
  std::vector<int32_t> genre_rank;  // per GoldPlays.genres entry: its position by name
};
PlayIndex IndexPlays(const GoldPlays& plays);

// The entity's id, or its name from the dimension's `dim_column` (the play's `play_column`
// when it has no dimension row or the dimension holds null). Empty when neither has one.
std::string_view EntityText(const Entities& entities, int32_t entity,
                            const parquet::ColumnVector& dim_column,
                            const parquet::ColumnVector& play_column);

// Plays grouped by a dense key: the plays of group g are plays[offsets[g] .. offsets[g + 1]),
// in ascending order.
struct Groups {
  std::vector<uint32_t> offsets;
  std::vector<uint32_t> plays;
  size_t size() const { return offsets.size() - 1; }
  std::span<const uint32_t> of(size_t g) const {
    return {plays.data() + offsets[g], plays.data() + offsets[g + 1]};
  }
};
// Groups `rows` (play indexes) by key_of_play[row] in 0..num_keys-1; rows with a key < 0 are left
// out.
Groups GroupBy(std::span<const uint32_t> rows, const std::vector<int32_t>& key_of_play,
               size_t num_keys);

// Counts distinct keys in a group of plays: a stamp per key says which group saw it last, so
// no clearing is needed between groups.
class DistinctCounter {
 public:
  explicit DistinctCounter(size_t num_keys) : stamp_(num_keys, 0) {}
  // Distinct keys among key_of_play[p] for p in `group`; negative keys are not counted.
  template <typename Key>
  int64_t Count(std::span<const uint32_t> group, const std::vector<Key>& key_of_play) {
    ++generation_;
    int64_t distinct = 0;
    for (const uint32_t p : group) {
      const Key key = key_of_play[p];
      if (IsNegative(key) || stamp_[key] == generation_) continue;
      stamp_[key] = generation_;
      ++distinct;
    }
    return distinct;
  }

 private:
  template <typename Key>
  static bool IsNegative(Key key) {
    if constexpr (std::is_signed_v<Key>) return key < 0;
    return false;
  }
  std::vector<uint32_t> stamp_;
  uint32_t generation_ = 0;
};

// The key with the most ms_played in a group of plays; ties go to the key with the lower
// tie_rank (the entity's id order, so the choice does not depend on play order).
class TopByMs {
 public:
  explicit TopByMs(size_t num_keys) : ms_(num_keys, 0) {}
  // -1 when no play of the group has a key.
  int32_t Find(std::span<const uint32_t> group, const std::vector<int32_t>& key_of_play,
               std::span<const int64_t> ms_played, const std::vector<int32_t>& tie_rank);

 private:
  std::vector<int64_t> ms_;
  std::vector<int32_t> touched_;
};

}  // namespace uw::gold
