#include "pipeline/gold/enrichment.h"

#include <algorithm>
#include <unordered_map>

#include "pipeline/gold/silver_access.h"

namespace uw::gold {
namespace {

using parquet::ColumnType;

// One label of one dimension row, with what ranks it.
struct Candidate {
  int32_t label;
  int64_t weight;  // sources agreeing, or the Last.fm count
  size_t first_seen;
};

class LabelNames {
 public:
  int32_t Id(std::string_view name) {
    const auto [it, added] = ids_.try_emplace(std::string(name), int32_t(names_.size()));
    if (added) names_.emplace_back(name);
    return it->second;
  }
  std::vector<std::string> Take() { return std::move(names_); }

 private:
  std::unordered_map<std::string, int32_t> ids_;
  std::vector<std::string> names_;
};

// Adds one (row, label) observation: a repeat raises the weight.
void Observe(std::vector<std::vector<Candidate>>& per_row, int32_t row, int32_t label,
             int64_t weight, size_t seen) {
  for (Candidate& c : per_row[size_t(row)]) {
    if (c.label == label) {
      c.weight += weight;
      return;
    }
  }
  per_row[size_t(row)].push_back({label, weight, seen});
}

// `less(names, a, b)` orders the candidates of one row.
template <typename Less>
RankedLabels Rank(std::vector<std::vector<Candidate>> per_row, std::vector<std::string> names,
                  Less less) {
  RankedLabels out;
  out.names = std::move(names);
  out.of_row.resize(per_row.size());
  const auto by_rank = [&](const Candidate& a, const Candidate& b) {
    return less(out.names, a, b);
  };
  for (size_t row = 0; row < per_row.size(); ++row) {
    std::sort(per_row[row].begin(), per_row[row].end(), by_rank);
    for (const Candidate& c : per_row[row]) out.of_row[row].push_back(c.label);
  }
  return out;
}

}  // namespace

std::string RankedLabels::Joined(int32_t row) const {
  std::string text;
  if (row < 0) return text;
  for (const int32_t label : of_row[size_t(row)]) {
    if (!text.empty()) text += ',';
    text += names[size_t(label)];
  }
  return text;
}

RankedLabels RankArtistGenres(const parquet::Batch& artists, const parquet::Batch& artist_genres) {
  const RowIndex index(SilverColumn(artists, "artists", "artist_id", ColumnType::kString));
  std::vector<std::vector<Candidate>> per_row(artists.num_rows());
  LabelNames names;
  if (artist_genres.num_rows() != 0) {
    const auto& ids =
        SilverColumn(artist_genres, "artist_genres", "artist_id", ColumnType::kString);
    const auto& genres = SilverColumn(artist_genres, "artist_genres", "genre", ColumnType::kString);
    for (size_t r = 0; r < artist_genres.num_rows(); ++r) {
      const int32_t row = index.Find(ids.GetString(r));
      if (row < 0 || genres.IsNull(r) || genres.GetString(r).empty()) continue;
      Observe(per_row, row, names.Id(genres.GetString(r)), 1, r);
    }
  }
  return Rank(std::move(per_row), names.Take(),
              [](const std::vector<std::string>&, const Candidate& a, const Candidate& b) {
                return a.weight != b.weight ? a.weight > b.weight : a.first_seen < b.first_seen;
              });
}

RankedLabels RankTags(const parquet::Batch& dimension, const parquet::Batch& tags,
                      std::string_view dimension_table, std::string_view tags_table,
                      std::string_view id_column) {
  const RowIndex index(SilverColumn(dimension, dimension_table, id_column, ColumnType::kString));
  std::vector<std::vector<Candidate>> per_row(dimension.num_rows());
  LabelNames names;
  if (tags.num_rows() != 0) {
    const auto& ids = SilverColumn(tags, tags_table, id_column, ColumnType::kString);
    const auto& labels = SilverColumn(tags, tags_table, "tag", ColumnType::kString);
    const auto* counts = OptionalColumn(tags, "count", ColumnType::kInt32);
    for (size_t r = 0; r < tags.num_rows(); ++r) {
      const int32_t row = index.Find(ids.GetString(r));
      if (row < 0 || labels.IsNull(r) || labels.GetString(r).empty()) continue;
      const int64_t count = counts && !counts->IsNull(r) ? counts->GetInt32(r) : 0;
      Observe(per_row, row, names.Id(labels.GetString(r)), count, r);
    }
  }
  return Rank(std::move(per_row), names.Take(),
              [](const std::vector<std::string>& label, const Candidate& a, const Candidate& b) {
                return a.weight != b.weight ? a.weight > b.weight
                                            : label[size_t(a.label)] < label[size_t(b.label)];
              });
}

}  // namespace uw::gold
