// Test support: GET /search?type=track response bodies in the real shape (formats.md §3.3), for
// the match rule's tests and the silver resolution by search. Artist ids are "id-<name>", album
// ids "al-<track id>".
#pragma once

#include <fmt/format.h>

#include <string>
#include <vector>

namespace uw::silver::fixture {

struct SearchResult {
  std::string id, name;
  std::vector<std::string> artists;
  std::string release_date = "2020-01-01";
};

inline std::string SearchResponse(const std::vector<SearchResult>& results) {
  std::string items;
  for (const SearchResult& r : results) {
    std::string artists;
    for (const std::string& a : r.artists) {
      artists += fmt::format("{}{{\"id\":\"id-{}\",\"name\":\"{}\",\"type\":\"artist\"}}",
                             artists.empty() ? "" : ",", a, a);
    }
    items += fmt::format(
        "{}{{\"album\":{{\"id\":\"al-{}\",\"name\":\"Album\",\"release_date\":\"{}\"}},"
        "\"artists\":[{}],\"id\":\"{}\",\"name\":\"{}\",\"type\":\"track\",\"duration_ms\":200000.0}}",
        items.empty() ? "" : ",", r.id, r.release_date, artists, r.id, r.name);
  }
  return fmt::format("{{\"tracks\":{{\"href\":\"h\",\"items\":[{}],\"limit\":10,\"next\":null,"
                     "\"offset\":0,\"previous\":null,\"total\":{}}}}}",
                     items, results.size());
}

}  // namespace uw::silver::fixture
