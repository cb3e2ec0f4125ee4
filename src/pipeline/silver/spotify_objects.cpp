#include "pipeline/silver/spotify_objects.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "core/base64.h"
#include "core/lake_paths.h"
#include "pipeline/silver/parallel_ranges.h"

namespace uw::silver {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

constexpr std::array<std::string_view, kSpotifyKinds> kFolders = {"tracks", "artists", "albums",
                                                                  "episodes", "shows"};
// The singular `type` each kind's objects carry.
constexpr std::array<std::string_view, kSpotifyKinds> kTypes = {"track", "artist", "album",
                                                                "episode", "show"};

std::string_view TypeName(element_type type) {
  switch (type) {
    case element_type::ARRAY:
      return "an array";
    case element_type::OBJECT:
      return "an object";
    case element_type::STRING:
      return "a string";
    case element_type::BOOL:
      return "a boolean";
    case element_type::NULL_VALUE:
      return "null";
    default:
      return "a number";
  }
}

// The member `key` of `o`, or nullopt when absent.
std::optional<element> Member(object o, std::string_view key) {
  element value;
  if (o[key].get(value)) return std::nullopt;
  return value;
}

std::string Text(object o, std::string_view key) {
  std::string_view s;
  if (const auto v = Member(o, key); v && !v->get(s)) return std::string(s);
  return {};
}

std::optional<bool> Flag(object o, std::string_view key) {
  bool b = false;
  if (const auto v = Member(o, key); v && !v->get(b)) return b;
  return std::nullopt;
}

std::optional<int64_t> Integer(object o, std::string_view key) {
  const auto v = Member(o, key);
  return v ? LenientInteger(*v) : std::nullopt;
}

std::optional<object> Object(object o, std::string_view key) {
  object inner;
  if (const auto v = Member(o, key); v && !v->get(inner)) return inner;
  return std::nullopt;
}

// `s` cut to at most `limit` code points, never inside one.
std::string CutChars(std::string_view s, size_t limit) {
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;  // a continuation byte
    if (chars++ == limit) return std::string(s.substr(0, i));
  }
  return std::string(s);
}

// The widest image's URL (Spotify lists them widest first, but says nothing about it).
std::string ImageUrl(object o) {
  simdjson::dom::array images;
  const auto v = Member(o, "images");
  if (!v || v->get(images)) return {};
  std::string best;
  int64_t best_width = -1;
  for (element image : images) {
    object img;
    if (image.get(img)) continue;
    const std::string url = Text(img, "url");
    const int64_t width = Integer(img, "width").value_or(0);
    if (!url.empty() && width > best_width) {
      best = url;
      best_width = width;
    }
  }
  return best;
}

std::vector<SpotifyRef> Refs(object o, std::string_view key) {
  std::vector<SpotifyRef> refs;
  simdjson::dom::array list;
  const auto v = Member(o, key);
  if (!v || v->get(list)) return refs;
  for (element item : list) {
    object ref;
    if (item.get(ref)) continue;
    SpotifyRef r{Text(ref, "id"), Text(ref, "name")};
    if (!r.id.empty() || !r.name.empty()) refs.push_back(std::move(r));
  }
  return refs;
}

// The strings of an array member, in order, without empty ones and repeats.
std::optional<std::vector<std::string>> Strings(object o, std::string_view key) {
  simdjson::dom::array list;
  const auto v = Member(o, key);
  if (!v || v->get(list)) return std::nullopt;
  std::vector<std::string> out;
  for (element item : list) {
    std::string_view s;
    if (item.get(s) || s.empty()) continue;
    if (std::find(out.begin(), out.end(), s) == out.end()) out.emplace_back(s);
  }
  return out;
}

// `languages` joined by ","; the deprecated single `language` when there is no list.
std::string Languages(object o) {
  const auto list = Strings(o, "languages");
  if (!list || list->empty()) return Text(o, "language");
  std::string joined;
  for (const std::string& language : *list) joined += (joined.empty() ? "" : ",") + language;
  return joined;
}

// The root object of `body` when it is a `kind` object whose id is `id` (or, for a relinked
// track, whose linked_from.id is); otherwise the reason in `why`.
std::optional<object> Root(std::string_view body, SpotifyKind kind, std::string_view id,
                           simdjson::dom::parser& parser, std::string& why) {
  const std::string_view type = kTypes[size_t(kind)];
  element root;
  if (const auto error = parser.parse(body).get(root); error) {
    why = fmt::format("not valid JSON: {}", simdjson::error_message(error));
    return std::nullopt;
  }
  object o;
  if (root.get(o)) {
    why = fmt::format("is {}, expected a {} object", TypeName(root.type()), type);
    return std::nullopt;
  }
  if (Member(o, "error")) {
    why = fmt::format("is an error response, not a {}", type);
    return std::nullopt;
  }
  const std::string body_type = Text(o, "type");
  if (Member(o, "type") && body_type != type) {
    why = fmt::format("is of type \"{}\", expected a {}", body_type, type);
    return std::nullopt;
  }
  const std::string body_id = Text(o, "id");
  if (body_id.empty()) {
    why = fmt::format("has no id, expected the {} {}", type, id);
    return std::nullopt;
  }
  if (body_id != id) {
    const auto linked = Object(o, "linked_from");
    if (!linked || Text(*linked, "id") != id) {
      why = fmt::format("is the {} {}, not {} as its name says", type, body_id, id);
      return std::nullopt;
    }
  }
  return o;
}

void FillAlbum(object o, SpotifyAlbum& out) {
  out.id = Text(o, "id");
  out.name = Text(o, "name");
  out.album_type = Text(o, "album_type");
  out.release_date = Text(o, "release_date");
  out.release_date_precision = Text(o, "release_date_precision");
  out.label = Text(o, "label");
  if (const auto ids = Object(o, "external_ids")) out.upc = Text(*ids, "upc");
  out.image_url = ImageUrl(o);
  out.total_tracks = Integer(o, "total_tracks");
  out.popularity = Integer(o, "popularity");
  out.artists = Refs(o, "artists");
}

void FillShow(object o, SpotifyShow& out) {
  out.id = Text(o, "id");
  out.name = Text(o, "name");
  out.publisher = Text(o, "publisher");
  out.media_type = Text(o, "media_type");
  out.description = CutChars(Text(o, "description"), kMaxDescriptionChars);
  out.languages = Languages(o);
  out.image_url = ImageUrl(o);
  out.total_episodes = Integer(o, "total_episodes");
  out.is_explicit = Flag(o, "explicit");
}

template <typename T>
bool Insert(std::map<std::string, T>& map, std::string id, T value) {
  return map.emplace(std::move(id), std::move(value)).second;
}

}  // namespace

std::string_view SpotifyKindFolder(SpotifyKind kind) { return kFolders[size_t(kind)]; }

std::optional<SpotifyObjectName> SpotifyObjectOfKey(std::string_view key) {
  if (!key.starts_with(lake::kBronzeSpotifyApiPrefix)) return std::nullopt;
  std::string_view rest = key.substr(lake::kBronzeSpotifyApiPrefix.size());
  const size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::string_view folder = rest.substr(0, slash);
  const auto it = std::find(kFolders.begin(), kFolders.end(), folder);
  if (it == kFolders.end()) return std::nullopt;
  std::string_view name = rest.substr(slash + 1);
  SpotifyObjectName out{SpotifyKind(it - kFolders.begin()), {}};
  if (name.find('/') != std::string_view::npos || !name.ends_with(".json")) return out;
  name.remove_suffix(5);
  if (auto id = core::FromBase64Url(name); id && !id->empty()) out.id = std::move(*id);
  return out;
}

std::optional<int64_t> LenientInteger(element value) {
  switch (value.type()) {
    case element_type::INT64: {
      const int64_t v = value.get_int64().value_unsafe();
      return v < 0 ? std::nullopt : std::optional<int64_t>(v);
    }
    case element_type::DOUBLE: {
      const double v = std::round(value.get_double().value_unsafe());
      // 2^63 is the first double beyond int64.
      if (!(v >= 0) || v >= 9223372036854775808.0) return std::nullopt;
      return static_cast<int64_t>(v);
    }
    case element_type::OBJECT: {
      object o = value.get_object().value_unsafe();
      const auto total = Member(o, "totalMilliseconds");
      if (!total || total->type() == element_type::OBJECT) return std::nullopt;
      return LenientInteger(*total);
    }
    default:  // UINT64 only holds values beyond int64; strings, booleans, null, arrays
      return std::nullopt;
  }
}

std::optional<int64_t> ReleaseYear(std::string_view date) {
  if (date.size() < 4 || (date.size() > 4 && date[4] != '-')) return std::nullopt;
  int64_t year = 0;
  for (size_t i = 0; i < 4; ++i) {
    if (date[i] < '0' || date[i] > '9') return std::nullopt;
    year = year * 10 + (date[i] - '0');
  }
  return year == 0 ? std::nullopt : std::optional<int64_t>(year);
}

std::string ParseSpotifyTrack(std::string_view body, std::string_view id, SpotifyTrack& out,
                              simdjson::dom::parser& parser) {
  std::string why;
  const auto o = Root(body, SpotifyKind::kTrack, id, parser, why);
  if (!o) return why;
  out.id = std::string(id);
  out.name = Text(*o, "name");
  if (const auto ids = Object(*o, "external_ids")) out.isrc = Text(*ids, "isrc");
  out.duration_ms = Integer(*o, "duration_ms");
  out.popularity = Integer(*o, "popularity");
  out.track_number = Integer(*o, "track_number");
  out.disc_number = Integer(*o, "disc_number");
  out.is_explicit = Flag(*o, "explicit");
  out.is_local = Flag(*o, "is_local");
  out.artists = Refs(*o, "artists");
  if (const auto album = Object(*o, "album")) FillAlbum(*album, out.album.emplace());
  return {};
}

std::string ParseSpotifyArtist(std::string_view body, std::string_view id, SpotifyArtist& out,
                               simdjson::dom::parser& parser) {
  std::string why;
  const auto o = Root(body, SpotifyKind::kArtist, id, parser, why);
  if (!o) return why;
  out.id = std::string(id);
  out.name = Text(*o, "name");
  out.image_url = ImageUrl(*o);
  out.genres = Strings(*o, "genres");
  out.popularity = Integer(*o, "popularity");
  if (const auto followers = Object(*o, "followers")) out.followers = Integer(*followers, "total");
  return {};
}

std::string ParseSpotifyAlbum(std::string_view body, std::string_view id, SpotifyAlbum& out,
                              simdjson::dom::parser& parser) {
  std::string why;
  const auto o = Root(body, SpotifyKind::kAlbum, id, parser, why);
  if (!o) return why;
  FillAlbum(*o, out);
  out.id = std::string(id);
  out.full = true;
  return {};
}

std::string ParseSpotifyEpisode(std::string_view body, std::string_view id, SpotifyEpisode& out,
                                simdjson::dom::parser& parser) {
  std::string why;
  const auto o = Root(body, SpotifyKind::kEpisode, id, parser, why);
  if (!o) return why;
  out.id = std::string(id);
  out.name = Text(*o, "name");
  out.release_date = Text(*o, "release_date");
  out.release_date_precision = Text(*o, "release_date_precision");
  out.languages = Languages(*o);
  out.description = CutChars(Text(*o, "description"), kMaxDescriptionChars);
  out.image_url = ImageUrl(*o);
  out.duration_ms = Integer(*o, "duration_ms");
  out.is_explicit = Flag(*o, "explicit");
  if (const auto show = Object(*o, "show")) FillShow(*show, out.show.emplace());
  return {};
}

std::string ParseSpotifyShow(std::string_view body, std::string_view id, SpotifyShow& out,
                             simdjson::dom::parser& parser) {
  std::string why;
  const auto o = Root(body, SpotifyKind::kShow, id, parser, why);
  if (!o) return why;
  FillShow(*o, out);
  out.id = std::string(id);
  return {};
}

void AddSpotifyObject(std::string_view key, std::string_view body, SpotifyObjects& objects,
                      simdjson::dom::parser& parser) {
  const auto name = SpotifyObjectOfKey(key);
  if (!name) return;
  ++objects.files[size_t(name->kind)];
  const auto reject = [&](std::string reason) {
    objects.rejected.push_back({std::string(key), std::move(reason)});
  };
  if (name->id.empty()) return reject("the file name is not base64url of an id");
  std::string why;
  bool fresh = true;
  switch (name->kind) {
    case SpotifyKind::kTrack: {
      SpotifyTrack t;
      why = ParseSpotifyTrack(body, name->id, t, parser);
      if (why.empty()) fresh = Insert(objects.tracks, name->id, std::move(t));
      break;
    }
    case SpotifyKind::kArtist: {
      SpotifyArtist a;
      why = ParseSpotifyArtist(body, name->id, a, parser);
      if (why.empty()) fresh = Insert(objects.artists, name->id, std::move(a));
      break;
    }
    case SpotifyKind::kAlbum: {
      SpotifyAlbum a;
      why = ParseSpotifyAlbum(body, name->id, a, parser);
      if (why.empty()) fresh = Insert(objects.albums, name->id, std::move(a));
      break;
    }
    case SpotifyKind::kEpisode: {
      SpotifyEpisode e;
      why = ParseSpotifyEpisode(body, name->id, e, parser);
      if (why.empty()) fresh = Insert(objects.episodes, name->id, std::move(e));
      break;
    }
    case SpotifyKind::kShow: {
      SpotifyShow s;
      why = ParseSpotifyShow(body, name->id, s, parser);
      if (why.empty()) fresh = Insert(objects.shows, name->id, std::move(s));
      break;
    }
  }
  if (!why.empty()) return reject(std::move(why));
  // Two names that decode to one id (base64url with and without padding): the first one wins.
  if (!fresh)
    reject(fmt::format("a second response for the {} {}", kTypes[size_t(name->kind)], name->id));
}

namespace {

// Below this many files one thread reads them all: starting threads would cost more.
constexpr size_t kMinFilesPerThread = 256;

}  // namespace

SpotifyObjects ReadSpotifyObjects(const storage::ObjectStore& lake,
                                  const std::vector<std::string>& keys) {
  // Names are checked first, in key order, so a second name for one id (base64url with and
  // without padding) is found whatever thread would read it.
  std::vector<const std::string*> mine;
  SpotifyObjects repeats;
  std::set<std::pair<SpotifyKind, std::string>> seen;
  for (const std::string& key : keys) {
    auto name = SpotifyObjectOfKey(key);
    if (!name) continue;
    if (!name->id.empty() && !seen.emplace(name->kind, name->id).second) {
      ++repeats.files[size_t(name->kind)];
      repeats.rejected.push_back({key, fmt::format("a second response for the {} {}",
                                                   kTypes[size_t(name->kind)], name->id)});
      continue;
    }
    mine.push_back(&key);
  }
  std::vector<SpotifyObjects> parts(RangeCount(mine.size(), kMinFilesPerThread));
  ParallelParts(mine.size(), kMinFilesPerThread, [&](size_t part, size_t begin, size_t end) {
    simdjson::dom::parser parser;
    for (size_t i = begin; i < end; ++i)
      AddSpotifyObject(*mine[i], lake.Get(*mine[i]), parts[part], parser);
  });

  SpotifyObjects all = std::move(repeats);
  for (SpotifyObjects& part : parts) {
    for (size_t k = 0; k < kSpotifyKinds; ++k) all.files[k] += part.files[k];
    all.tracks.merge(part.tracks);
    all.artists.merge(part.artists);
    all.albums.merge(part.albums);
    all.episodes.merge(part.episodes);
    all.shows.merge(part.shows);
    for (auto& r : part.rejected) all.rejected.push_back(std::move(r));
  }
  std::sort(all.rejected.begin(), all.rejected.end(),
            [](const auto& a, const auto& b) { return a.key < b.key; });
  return all;
}

}  // namespace uw::silver
