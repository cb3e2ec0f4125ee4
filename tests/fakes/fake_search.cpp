#include "fakes/fake_search.h"

#include <algorithm>
#include <cctype>

namespace uw::fakes {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool SameName(std::string_view a, std::string_view b) { return Lower(a) == Lower(b); }

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// Reads a quoted phrase or a single word starting at `pos`; advances `pos` past it.
std::string ReadValue(std::string_view q, size_t& pos) {
  if (pos < q.size() && q[pos] == '"') {
    const size_t close = q.find('"', pos + 1);
    const size_t end = close == std::string_view::npos ? q.size() : close;
    std::string value(q.substr(pos + 1, end - pos - 1));
    pos = close == std::string_view::npos ? q.size() : close + 1;
    return value;
  }
  const size_t start = pos;
  while (pos < q.size() && !IsSpace(q[pos])) ++pos;
  return std::string(q.substr(start, pos - start));
}

std::optional<std::pair<int, int>> ParseYears(const std::string& value) {
  try {
    const size_t dash = value.find('-');
    if (dash == std::string::npos) return std::pair{std::stoi(value), std::stoi(value)};
    return std::pair{std::stoi(value.substr(0, dash)), std::stoi(value.substr(dash + 1))};
  } catch (const std::exception&) {
    return std::nullopt;  // the real service ignores a malformed year; so do we
  }
}

// Stores a field filter; unknown field names are kept as bare text ("foo:bar").
bool SetFilter(SearchQuery& query, std::string_view field, std::string value) {
  if (field == "track") query.track = std::move(value);
  else if (field == "artist") query.artist = std::move(value);
  else if (field == "album") query.album = std::move(value);
  else if (field == "isrc") query.isrc = std::move(value);
  else if (field == "year") query.years = ParseYears(value);
  else if (field == "genre" || field == "upc" || field == "tag") return true;  // accepted, not used
  else return false;
  return true;
}

void AppendText(SearchQuery& query, const std::string& word) {
  if (word.empty()) return;
  if (!query.text.empty()) query.text += ' ';
  query.text += word;
}

}  // namespace

SearchQuery ParseSearchQuery(std::string_view q) {
  SearchQuery query;
  size_t pos = 0;
  while (pos < q.size()) {
    if (IsSpace(q[pos])) {
      ++pos;
      continue;
    }
    size_t word_end = pos;
    while (word_end < q.size() && !IsSpace(q[word_end]) && q[word_end] != ':' && q[word_end] != '"') ++word_end;
    if (word_end < q.size() && q[word_end] == ':' && word_end > pos) {
      const std::string_view field = q.substr(pos, word_end - pos);
      size_t value_pos = word_end + 1;
      std::string value = ReadValue(q, value_pos);
      if (SetFilter(query, Lower(field), value)) {
        pos = value_pos;
        continue;
      }
    }
    AppendText(query, ReadValue(q, pos));
  }
  return query;
}

bool MatchesTrack(const SearchQuery& query, const TrackSpec& track) {
  const bool any_filter = query.track || query.artist || query.album || query.isrc || query.years;
  if (!any_filter && query.text.empty()) return false;
  auto any_artist = [&](std::string_view name) {
    return std::any_of(track.artists.begin(), track.artists.end(),
                       [&](const ArtistRef& a) { return SameName(a.name, name); });
  };
  if (query.track && !SameName(track.name, *query.track)) return false;
  if (query.artist && !any_artist(*query.artist)) return false;
  if (query.album && !SameName(track.album.name, *query.album)) return false;
  if (query.isrc && !SameName(track.isrc, *query.isrc)) return false;
  if (query.years) {
    const int year = std::atoi(track.album.release_date.substr(0, 4).c_str());
    if (year < query.years->first || year > query.years->second) return false;
  }
  if (!query.text.empty() && !SameName(track.name, query.text) && !any_artist(query.text) &&
      !SameName(track.album.name, query.text)) {
    return false;
  }
  return true;
}

bool MatchesArtist(const SearchQuery& query, const ArtistSpec& artist) {
  if (query.artist) return SameName(artist.name, *query.artist);
  return !query.text.empty() && SameName(artist.name, query.text);
}

}  // namespace uw::fakes
