#include "pipeline/silver/published_music.h"

#include <fmt/format.h>

#include <memory>

#include "core/error.h"
#include "core/lake_paths.h"
#include "pipeline/silver/catalog_rows.h"
#include "pipeline/silver/silver_tables.h"
#include "pipeline/tables/patch_rows.h"

namespace uw::silver {
namespace {

// The row whose key (first column, ordered) is `key`.
std::optional<size_t> FindRow(const parquet::Batch& rows, std::string_view key) {
  if (rows.num_columns() == 0) return std::nullopt;
  const tables::RowRange range = tables::KeyRows(rows.column(0), key);
  if (range.empty()) return std::nullopt;
  return range.begin;
}

// The published table read whole, if it has the columns `expected` (this build's) has.
std::optional<parquet::Batch> ReadShaped(const storage::ObjectStore& lake,
                                         const LakeTable& expected, std::string& why_not) {
  parquet::Batch rows = ReadTable(lake, lake::SilverTable(expected.name), {});
  if (rows.schema().fields() != expected.schema.fields()) {
    why_not = fmt::format("the published {} table has other columns than this build writes",
                          expected.name);
    return std::nullopt;
  }
  return rows;
}

template <typename Map>
std::vector<std::string_view> Keys(const Map& map) {
  std::vector<std::string_view> keys;
  keys.reserve(map.size());
  for (const auto& [key, entry] : map) keys.push_back(key);
  return keys;
}

}  // namespace

PublishedMusic::PublishedMusic(const storage::ObjectStore& lake, parquet::Batch tracks,
                               parquet::Batch artists, parquet::Batch albums)
    : lake_(&lake),
      tracks_(std::move(tracks)),
      artists_(std::move(artists)),
      albums_(std::move(albums)) {}

std::optional<PublishedMusic> PublishedMusic::Read(const storage::ObjectStore& lake,
                                                   std::string& why_not) {
  const Catalog empty;
  auto tracks = ReadShaped(lake, TracksTable(empty), why_not);
  if (!tracks) return std::nullopt;
  auto artists = ReadShaped(lake, ArtistsTable(empty), why_not);
  if (!artists) return std::nullopt;
  auto albums = ReadShaped(lake, AlbumsTable(empty), why_not);
  if (!albums) return std::nullopt;
  return PublishedMusic(lake, std::move(*tracks), std::move(*artists), std::move(*albums));
}

bool PublishedMusic::HasTrack(std::string_view id) const {
  return FindRow(tracks_, id).has_value();
}

bool PublishedMusic::HasArtist(std::string_view id) const {
  return FindRow(artists_, id).has_value();
}

CatalogLookup PublishedMusic::Lookup() const {
  // Shared by the copies std::function makes of each lambda.
  auto tracks = std::make_shared<TrackRows>(tracks_);
  auto artists = std::make_shared<ArtistRows>(artists_);
  auto albums = std::make_shared<AlbumRows>(albums_);
  CatalogLookup lookup;
  lookup.track = [this, tracks](const std::string& id, TrackEntry& entry) {
    if (const auto row = FindRow(tracks_, id)) tracks->Fill(*row, entry);
  };
  lookup.artist = [this, artists](const std::string& id, ArtistEntry& entry) {
    if (const auto row = FindRow(artists_, id)) artists->Fill(*row, entry);
  };
  lookup.album = [this, albums](const std::string& id, AlbumEntry& entry) {
    if (const auto row = FindRow(albums_, id)) albums->Fill(*row, entry);
  };
  return lookup;
}

bool PublishedMusic::ArtistsOfTracksChanged(const Catalog& touched) const {
  const parquet::ColumnVector& artist_ids = tracks_.column("artist_id");
  for (const auto& [id, track] : touched.tracks) {
    const auto row = FindRow(tracks_, id);
    if (!row || artist_ids.IsNull(*row) != track.artist_id.empty() ||
        artist_ids.GetString(*row) != track.artist_id || !track.other_artist_ids.empty())
      return true;
  }
  return false;
}

std::vector<LakeTable> PublishedMusic::Patch(const Catalog& touched) const {
  std::vector<LakeTable> changed;
  const auto patch = [&](LakeTable table, const parquet::Batch& published,
                         const std::vector<std::string_view>& keys) {
    auto rows = tables::PatchRows(published, table.partitions.at(0).rows, keys);
    if (!rows) return;
    table.partitions = SinglePartition(std::move(*rows));
    changed.push_back(std::move(table));
  };
  const std::vector<std::string_view> track_ids = Keys(touched.tracks);
  patch(TracksTable(touched), tracks_, track_ids);
  if (ArtistsOfTracksChanged(touched)) {
    LakeTable track_artists = TrackArtistsTable(touched);
    std::string why_not;
    const auto published = ReadShaped(*lake_, track_artists, why_not);
    if (!published) Fail(ErrorCode::kInternal, "{}", why_not);
    patch(std::move(track_artists), *published, track_ids);
  }
  patch(ArtistsTable(touched), artists_, Keys(touched.artists));
  patch(AlbumsTable(touched), albums_, Keys(touched.albums));
  return changed;
}

}  // namespace uw::silver
