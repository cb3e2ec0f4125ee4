#include "pipeline/silver/search_match.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <optional>
#include <set>
#include <utility>

#include "pipeline/silver/match_text.h"

namespace uw::silver {
namespace {

struct Item {
  std::string id;
  std::string name;                  // FoldForMatch form
  std::vector<std::string> artists;  // FoldForMatch form, primary first
  std::vector<std::string> artist_ids;  // parallel to `artists`
  std::string album_id;
  std::string release_date;          // album.release_date as given: "YYYY[-MM[-DD]]" or ""
};

std::string StringField(simdjson::dom::element e, const char* key) {
  std::string_view s;
  return e[key].get(s) ? std::string() : std::string(s);
}

// An id field, or "" when it is not one: silver builds "spotify:<kind>:<id>" from it and tells
// name keys ("name:…") by their colon, so an id with a colon would be misread.
std::string IdField(simdjson::dom::element e) {
  std::string id = StringField(e, "id");
  return id.find(':') == std::string::npos ? id : std::string();
}

// The track items of a search response; nullopt when it is not a track search response.
// Null or malformed items (no usable id) are skipped: they cannot be a candidate.
std::optional<std::vector<Item>> ParseItems(std::string_view body) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  simdjson::dom::array items;
  if (parser.parse(body.data(), body.size()).get(root) || root["tracks"]["items"].get(items)) {
    return std::nullopt;
  }
  std::vector<Item> out;
  for (simdjson::dom::element e : items) {
    if (!e.is_object()) continue;
    Item item{IdField(e), FoldForMatch(StringField(e, "name")), {}, {}, {}, {}};
    if (item.id.empty()) continue;
    simdjson::dom::array artists;
    if (!e["artists"].get(artists)) {
      for (simdjson::dom::element a : artists) {
        if (!a.is_object()) continue;
        item.artists.push_back(FoldForMatch(StringField(a, "name")));
        item.artist_ids.push_back(IdField(a));
      }
    }
    simdjson::dom::element album;
    if (!e["album"].get(album) && album.is_object()) {
      item.release_date = StringField(album, "release_date");
      item.album_id = IdField(album);
    }
    out.push_back(std::move(item));
  }
  return out;
}

// Steps 2 and 3 of the rule: the items whose names match, compared as they are or with their
// version suffix dropped; wanted names are in FoldForMatch form.
std::vector<const Item*> Candidates(const std::vector<Item>& items, const std::string& name,
                                    const std::string& artist, bool strip_suffix) {
  const std::string wanted = strip_suffix ? StripVersionSuffix(name) : name;
  std::vector<const Item*> out;
  for (const Item& item : items) {
    const std::string item_name = strip_suffix ? StripVersionSuffix(item.name) : item.name;
    if (item_name != wanted) continue;
    if (std::find(item.artists.begin(), item.artists.end(), artist) == item.artists.end()) continue;
    out.push_back(&item);
  }
  const bool some_primary = std::any_of(out.begin(), out.end(), [&](const Item* i) {
    return i->artists.front() == artist;
  });
  if (some_primary) {
    std::erase_if(out, [&](const Item* i) { return i->artists.front() != artist; });
  }
  return out;
}

// Step 4: the earliest release, then the lowest id. An unknown date sorts last.
const Item* Earliest(const std::vector<const Item*>& candidates) {
  return *std::min_element(candidates.begin(), candidates.end(), [](const Item* a, const Item* b) {
    const bool a_dated = !a->release_date.empty(), b_dated = !b->release_date.empty();
    if (a_dated != b_dated) return a_dated;
    if (a->release_date != b->release_date) return a->release_date < b->release_date;
    return a->id < b->id;
  });
}

std::string Describe(const std::set<std::pair<std::string, std::string>>& songs) {
  std::string out;
  size_t shown = 0;
  for (const auto& [name, artist] : songs) {
    if (shown++ == 3) {
      out += ", ...";
      break;
    }
    out += fmt::format("{}\"{}\" by \"{}\"", out.empty() ? "" : ", ", name, artist);
  }
  return out;
}

// The id of the chosen item's artist named `artist` (FoldForMatch form): the primary one first.
std::string ArtistIdOf(const Item& item, const std::string& artist) {
  const auto it = std::find(item.artists.begin(), item.artists.end(), artist);
  return it == item.artists.end() ? std::string() : item.artist_ids[it - item.artists.begin()];
}

void Choose(const std::vector<const Item*>& candidates, bool stripped, const std::string& artist,
            SearchDecision& decision) {
  std::set<std::pair<std::string, std::string>> songs;
  for (const Item* c : candidates) songs.emplace(c->name, c->artists.front());
  if (songs.size() > 1) {
    decision.reason = fmt::format("ambiguous: {} different songs match ({})", songs.size(), Describe(songs));
    return;
  }
  const Item* chosen = Earliest(candidates);
  decision.track_id = chosen->id;
  decision.artist_id = ArtistIdOf(*chosen, artist);
  decision.album_id = chosen->album_id;
  decision.reason = stripped ? "match after dropping the version suffix" : "exact match";
  if (candidates.size() > 1) {
    decision.reason += fmt::format(
        "; {} releases of the same song: chose the earliest release ({}), then the lowest id",
        candidates.size(), chosen->release_date.empty() ? "date unknown" : chosen->release_date);
  }
}

std::string QueryText(std::string_view text) {
  std::string out(text);
  std::replace(out.begin(), out.end(), '"', ' ');
  return out;
}

}  // namespace

SearchDecision DecideTrackMatch(std::string_view track_name, std::string_view artist_name,
                                std::string_view search_body) {
  SearchDecision decision;
  const std::string name = FoldForMatch(track_name), artist = FoldForMatch(artist_name);
  if (name.empty() || artist.empty()) {
    decision.reason = "no track or artist name to match";
    return decision;
  }
  const auto items = ParseItems(search_body);
  if (!items) {
    decision.reason = "unreadable search response";
    return decision;
  }
  decision.result_count = static_cast<int>(items->size());
  if (items->empty()) {
    decision.reason = "no results";
    return decision;
  }
  bool stripped = false;
  std::vector<const Item*> candidates = Candidates(*items, name, artist, false);
  if (candidates.empty()) {
    candidates = Candidates(*items, name, artist, true);
    stripped = true;
  }
  decision.candidate_count = static_cast<int>(candidates.size());
  if (candidates.empty()) {
    decision.reason = "no result with this track and artist name";
    return decision;
  }
  Choose(candidates, stripped, artist, decision);
  return decision;
}

std::vector<std::string> TrackSearchQueries(std::string_view track_name,
                                            std::string_view artist_name) {
  if (FoldForMatch(track_name).empty() || FoldForMatch(artist_name).empty()) return {};
  const auto query = [](std::string_view track, std::string_view artist) {
    return fmt::format("track:\"{}\" artist:\"{}\"", QueryText(track), QueryText(artist));
  };
  std::vector<std::string> queries = {query(track_name, artist_name)};
  const std::string variant =
      query(StripVersionSuffix(StripDiacritics(track_name)), StripDiacritics(artist_name));
  if (variant != queries.front()) queries.push_back(variant);
  return queries;
}

}  // namespace uw::silver
