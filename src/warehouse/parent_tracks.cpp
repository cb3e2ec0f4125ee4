#include "warehouse/parent_tracks.h"

#include <algorithm>
#include <map>

namespace uw::warehouse {
namespace {

// Case-folded, trimmed, inner whitespace collapsed, typographic apostrophes as '.
std::string Normalise(std::string_view text) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (text.substr(i, 3) == "\xE2\x80\x99") {  // U+2019 RIGHT SINGLE QUOTATION MARK
      c = '\'';
      i += 2;
    }
    if (c == ' ' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// The rule a marker's text (lower case, without brackets or " - ") names, or "" for none.
// Remixes, covers and features are different works and are never markers.
std::string MarkerRule(std::string_view marker) {
  const std::string m = Normalise(marker);
  if (m.find("remix") != std::string::npos || StartsWith(m, "feat") || StartsWith(m, "with "))
    return "";
  if (m == "live" || StartsWith(m, "live ") || EndsWith(m, " live")) return "live";
  if (m.find("remaster") != std::string::npos) return "remaster";
  if (m.find("deluxe") != std::string::npos) return "deluxe";
  if (m.find("radio edit") != std::string::npos) return "radio_edit";
  if (m == "taylor's version" || m == "taylors version") return "taylors_version";
  if (m == "single version" || m == "single") return "single";
  if (EndsWith(m, " version")) return "version";
  if (m == "mono" || m == "stereo" || EndsWith(m, " mono") || EndsWith(m, " stereo")) {
    return EndsWith(m, "mono") ? "mono" : "stereo";
  }
  return "";
}

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// One trailing marker stripped from `title`, or nullopt.
std::optional<std::pair<std::string_view, std::string>> StripOne(std::string_view title) {
  title = TrimRight(title);
  if (!title.empty() && (title.back() == ')' || title.back() == ']')) {
    const char open = title.back() == ')' ? '(' : '[';
    const size_t at = title.rfind(open);
    if (at != std::string_view::npos && at > 0) {
      const std::string rule = MarkerRule(title.substr(at + 1, title.size() - at - 2));
      if (!rule.empty()) return std::pair{TrimRight(title.substr(0, at)), rule};
    }
  }
  if (const size_t dash = title.rfind(" - "); dash != std::string_view::npos && dash > 0) {
    const std::string rule = MarkerRule(title.substr(dash + 3));
    if (!rule.empty()) return std::pair{TrimRight(title.substr(0, dash)), rule};
  }
  return std::nullopt;
}

}  // namespace

std::optional<BaseTitle> StripVersion(std::string_view title) {
  std::optional<BaseTitle> out;
  while (auto stripped = StripOne(title)) {
    if (stripped->first.empty()) break;
    if (!out) out.emplace(BaseTitle{"", stripped->second});
    title = stripped->first;
  }
  if (out) out->title = std::string(title);
  return out;
}

std::vector<ParentLink> MapParentTracks(const parquet::Batch& tracks) {
  const auto& ids = tracks.column("track_id");
  const auto& names = tracks.column("track_name");
  const auto& artists = tracks.column("artist_id");
  // (artist_id, normalised title) → the lowest track_id with that title.
  std::map<std::pair<std::string, std::string>, size_t> by_title;
  for (size_t r = 0; r < tracks.num_rows(); ++r) {
    if (names.IsNull(r) || artists.IsNull(r)) continue;
    const auto key = std::pair{std::string(artists.GetString(r)), Normalise(names.GetString(r))};
    const auto [it, inserted] = by_title.emplace(key, r);
    if (!inserted && ids.GetString(r) < ids.GetString(it->second)) it->second = r;
  }
  std::vector<ParentLink> links;
  for (size_t r = 0; r < tracks.num_rows(); ++r) {
    if (names.IsNull(r) || artists.IsNull(r)) continue;
    const auto base = StripVersion(names.GetString(r));
    if (!base) continue;
    const auto it = by_title.find({std::string(artists.GetString(r)), Normalise(base->title)});
    if (it == by_title.end() || it->second == r) continue;
    links.push_back({std::string(ids.GetString(r)), std::string(ids.GetString(it->second)),
                     std::string(artists.GetString(r)), std::string(names.GetString(r)),
                     std::string(names.GetString(it->second)), base->rule});
  }
  std::sort(links.begin(), links.end(),
            [](const ParentLink& a, const ParentLink& b) { return a.track_id < b.track_id; });
  return links;
}

}  // namespace uw::warehouse
