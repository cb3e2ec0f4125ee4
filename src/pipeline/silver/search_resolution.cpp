#include "pipeline/silver/search_resolution.h"

#include <algorithm>
#include <utility>

#include "pipeline/silver/play_keys.h"

namespace uw::silver {
namespace {

struct MusicNames {
  NamesKey names;

  bool operator==(const MusicNames&) const = default;
  uint64_t Hash() const { return HashFinish(names.Hash()); }
};

// The unresolved plays of one normalised (artist, track) and their distinct raw spellings.
struct NameGroup {
  std::vector<size_t> plays;
  std::vector<std::pair<Text, Text>> spellings;  // (track, artist), newest first
};

bool Searchable(const PlayRecord& p) {
  return p.IsMusic() && p.resolution == Resolution::kUnseen && p.resolved_uri.empty() &&
         !p.track_name.empty() && !p.artist_name.empty();
}

std::vector<NameGroup> GroupUnresolved(const std::vector<PlayRecord>& plays) {
  KeyIndex<MusicNames> index;
  std::vector<NameGroup> groups;
  for (size_t i = plays.size(); i-- > 0;) {  // newest first: spellings in that order
    const PlayRecord& p = plays[i];
    if (!Searchable(p)) continue;
    const uint32_t id = index.Insert({NamesKeyOf(p)});
    if (id == groups.size()) groups.emplace_back();
    NameGroup& group = groups[id];
    group.plays.push_back(i);
    const std::pair<Text, Text> spelling{p.track_name, p.artist_name};
    if (std::find(group.spellings.begin(), group.spellings.end(), spelling) == group.spellings.end())
      group.spellings.push_back(spelling);
  }
  return groups;
}

// The decision of the first spelling `enrich` searched; nullopt when none was searched.
std::optional<SearchDecision> Decide(const NameGroup& group, const SearchResponses& responses) {
  for (const auto& [track, artist] : group.spellings) {
    if (auto decided = DecideFromBronze(responses, track, artist)) return std::move(decided->decision);
  }
  return std::nullopt;
}

}  // namespace

void ResolveBySearch(std::vector<PlayRecord>& plays, const SearchResponses& responses,
                     ResolveSummary& summary) {
  if (responses.empty()) return;
  for (const NameGroup& group : GroupUnresolved(plays)) {
    const std::optional<SearchDecision> decision = Decide(group, responses);
    if (!decision || !decision->accepted()) continue;
    const Text uri = Text::Intern("spotify:track:" + decision->track_id);
    const Text artist_id = Text::Intern(decision->artist_id), album_id = Text::Intern(decision->album_id);
    for (const size_t i : group.plays) {
      PlayRecord& p = plays[i];
      p.resolved_uri = uri;
      p.resolution = Resolution::kSearch;
      // Account rows carry no ids; an id a source did give is kept.
      if (p.artist_id.empty()) p.artist_id = artist_id;
      if (p.album_id.empty()) p.album_id = album_id;
    }
    summary.names_resolved_search += group.plays.size();
    summary.names_unresolved -= std::min<uint64_t>(summary.names_unresolved, group.plays.size());
  }
}

}  // namespace uw::silver
