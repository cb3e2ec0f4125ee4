// What `enrich spotify` has to fetch (docs/enrichment.md "Queue"): per kind, the ids known from
// silver (the listener's tracks, artists, albums, episodes and shows that have Spotify ids), the
// ids named by responses already in bronze (a track's album and artists, an episode's show) and
// the ids accepted by track searches; minus the ids whose bronze object exists (present = done)
// and those waiting for a later retry (enrichment_state.h). Name keys ("name:…") are never
// fetched; name-only tracks are searched instead. Every list is in id order, so runs are
// deterministic.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "pipeline/enrich/enrichment_state.h"
#include "pipeline/enrich/object_kind.h"
#include "pipeline/enrich/search_decisions.h"
#include "storage/object_store.h"

namespace uw::enrich {

// A silver track known by name only: the search input.
struct NameOnlyTrack {
  std::string key;  // its silver track_id, a name key "name:…"
  std::string track_name, artist_name;
};

class EnrichmentQueue {
 public:
  // Adds a Spotify id to fetch; name keys and empty ids are ignored.
  void AddKnown(ObjectKind kind, const std::string& id);
  void MarkFetched(ObjectKind kind, const std::string& id);
  void AddNameOnly(NameOnlyTrack track);

  // Known, not fetched and not waiting for a retry at `now_ms`, in id order.
  std::vector<std::string> Due(ObjectKind kind, const EnrichmentState& state, int64_t now_ms) const;

  const std::set<std::string>& known(ObjectKind kind) const { return Kind(kind).known; }
  const std::set<std::string>& fetched(ObjectKind kind) const { return Kind(kind).fetched; }
  bool IsFetched(ObjectKind kind, const std::string& id) const { return Kind(kind).fetched.contains(id); }
  // Name-only tracks in key order.
  const std::map<std::string, NameOnlyTrack>& name_only() const { return name_only_; }

 private:
  struct Ids {
    std::set<std::string> known;
    std::set<std::string> fetched;  // bronze object present (always also in known)
  };
  const Ids& Kind(ObjectKind kind) const { return kinds_[static_cast<size_t>(kind)]; }
  Ids& Kind(ObjectKind kind) { return kinds_[static_cast<size_t>(kind)]; }

  Ids kinds_[kAllKinds.size()];
  std::map<std::string, NameOnlyTrack> name_only_;
};

// True for a Spotify id as enrichment fetches it: non-empty and not a name key.
bool IsSpotifyId(const std::string& id);

// Adds the ids of the published silver tables tracks, artists, albums, episodes and shows.
// Throws Error(kNotFound) "run `unwrapped build` first" when silver has not been built.
void AddSilverIds(const storage::ObjectStore& lake, EnrichmentQueue& queue);

// Marks every object under bronze/spotify_api/<kind>/ as fetched (and known), and adds the ids
// the track and episode responses name. Returns how many objects were read.
size_t AddBronzeIds(const storage::ObjectStore& lake, EnrichmentQueue& queue);

// The whole queue of a lake: silver, bronze and the accepted search decisions (read from the
// lake, or given by a caller that has them already).
EnrichmentQueue BuildQueue(const storage::ObjectStore& lake);
EnrichmentQueue BuildQueue(const storage::ObjectStore& lake, const SearchDecisions& decisions);

}  // namespace uw::enrich
