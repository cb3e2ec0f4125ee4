#include "pipeline/enrich/enrichment_queue.h"

#include <spdlog/spdlog.h>

#include "core/base64.h"
#include "core/error.h"
#include "core/lake_paths.h"
#include "pipeline/enrich/discovered_ids.h"
#include "pipeline/enrich/search_decisions.h"
#include "pipeline/tables/read_table.h"

namespace uw::enrich {
namespace {

// One silver table's columns, or Error(kNotFound) telling the user to build silver.
parquet::Batch ReadSilver(const storage::ObjectStore& lake, std::string_view table,
                          const std::vector<std::string>& columns) {
  try {
    return tables::ReadTable(lake, lake::SilverTable(table), columns);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kNotFound) throw;
    Fail(ErrorCode::kNotFound, "silver.{} is not built: run `unwrapped build` first ({})", table, e.what());
  }
}

std::string_view Text(const parquet::ColumnVector& column, size_t row) {
  return column.IsNull(row) ? std::string_view() : column.GetString(row);
}

// Ids whose URI says they are Spotify objects of this type ("spotify:track:<id>"): local files,
// audiobooks and chapters share the tables but not the endpoints.
void AddByUri(const parquet::Batch& rows, std::string_view type, ObjectKind kind, EnrichmentQueue& queue) {
  const std::string prefix = "spotify:" + std::string(type) + ":";
  const auto& ids = rows.column(0);
  const auto& uris = rows.column(1);
  for (size_t row = 0; row < rows.num_rows(); ++row) {
    const std::string_view uri = Text(uris, row);
    if (uri.starts_with(prefix) && uri.substr(prefix.size()) == ids.GetString(row)) {
      queue.AddKnown(kind, std::string(ids.GetString(row)));
    }
  }
}

void AddUnlessNameOnly(const parquet::Batch& rows, ObjectKind kind, EnrichmentQueue& queue) {
  const auto& ids = rows.column(0);
  const auto& name_only = rows.column(1);
  for (size_t row = 0; row < rows.num_rows(); ++row) {
    if (!name_only.GetBool(row)) queue.AddKnown(kind, std::string(ids.GetString(row)));
  }
}

void AddTracks(const storage::ObjectStore& lake, EnrichmentQueue& queue) {
  const parquet::Batch rows =
      ReadSilver(lake, "tracks", {"track_id", "track_uri", "track_name", "artist_name", "name_only"});
  AddByUri(rows, "track", ObjectKind::kTracks, queue);
  for (size_t row = 0; row < rows.num_rows(); ++row) {
    if (!rows.column(4).GetBool(row)) continue;
    queue.AddNameOnly({std::string(rows.column(0).GetString(row)), std::string(Text(rows.column(2), row)),
                       std::string(Text(rows.column(3), row))});
  }
}

// bronze/spotify_api/<kind>/: the folder of lake::BronzeSpotifyObject(kind, id).
std::string BronzeFolder(ObjectKind kind) {
  return std::string(lake::kBronzeSpotifyApiPrefix) + std::string(KindName(kind)) + "/";
}

}  // namespace

bool IsSpotifyId(const std::string& id) { return !id.empty() && !id.starts_with("name:"); }

void EnrichmentQueue::AddKnown(ObjectKind kind, const std::string& id) {
  if (IsSpotifyId(id)) Kind(kind).known.insert(id);
}

void EnrichmentQueue::MarkFetched(ObjectKind kind, const std::string& id) {
  Kind(kind).known.insert(id);
  Kind(kind).fetched.insert(id);
}

void EnrichmentQueue::AddNameOnly(NameOnlyTrack track) {
  std::string key = track.key;
  name_only_.insert_or_assign(std::move(key), std::move(track));
}

std::vector<std::string> EnrichmentQueue::Due(ObjectKind kind, const EnrichmentState& state,
                                              int64_t now_ms) const {
  const Ids& ids = Kind(kind);
  std::vector<std::string> out;
  for (const std::string& id : ids.known) {
    if (!ids.fetched.contains(id) && !state.Waiting(KindName(kind), id, now_ms)) out.push_back(id);
  }
  return out;
}

void AddSilverIds(const storage::ObjectStore& lake, EnrichmentQueue& queue) {
  AddTracks(lake, queue);
  AddUnlessNameOnly(ReadSilver(lake, "artists", {"artist_id", "name_only"}), ObjectKind::kArtists, queue);
  AddUnlessNameOnly(ReadSilver(lake, "albums", {"album_id", "name_only"}), ObjectKind::kAlbums, queue);
  AddByUri(ReadSilver(lake, "episodes", {"episode_id", "episode_uri"}), "episode", ObjectKind::kEpisodes, queue);
  AddByUri(ReadSilver(lake, "shows", {"show_id", "show_uri"}), "show", ObjectKind::kShows, queue);
}

size_t AddBronzeIds(const storage::ObjectStore& lake, EnrichmentQueue& queue) {
  size_t read = 0;
  for (const ObjectKind kind : kAllKinds) {
    const std::string folder = BronzeFolder(kind);
    for (const storage::ObjectInfo& object : lake.List(folder)) {
      std::string_view name = std::string_view(object.key).substr(folder.size());
      if (!name.ends_with(".json") || name.find('/') != std::string_view::npos) continue;
      name.remove_suffix(5);
      const std::optional<std::string> id = core::FromBase64Url(name);
      if (!id || id->empty()) {
        spdlog::warn("{}: not named by a base64url id; ignored", object.key);
        continue;
      }
      queue.MarkFetched(kind, *id);
      if (kind != ObjectKind::kTracks && kind != ObjectKind::kEpisodes) continue;
      ++read;
      for (const auto& [named_kind, named_id] : DiscoverIds(kind, lake.Get(object.key))) {
        queue.AddKnown(named_kind, named_id);
      }
    }
  }
  return read;
}

EnrichmentQueue BuildQueue(const storage::ObjectStore& lake) {
  return BuildQueue(lake, LoadSearchDecisions(lake));
}

EnrichmentQueue BuildQueue(const storage::ObjectStore& lake, const SearchDecisions& decisions) {
  EnrichmentQueue queue;
  AddSilverIds(lake, queue);
  AddBronzeIds(lake, queue);
  for (const auto& [key, record] : decisions) queue.AddKnown(ObjectKind::kTracks, record.track_id);
  return queue;
}

}  // namespace uw::enrich
