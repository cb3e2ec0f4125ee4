#include "sources/spotify_export/file_analyzer.h"

#include <fmt/format.h>

#include <algorithm>

#include "sources/spotify_export/file_names.h"
#include "sources/spotify_export/play_files.h"

namespace uw::spotify_export {
namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

constexpr std::string_view kBom = "\xEF\xBB\xBF";

FileAnalysis Verdicted(Verdict verdict, std::string message) {
  FileAnalysis a;
  a.verdict = verdict;
  a.message = std::move(message);
  return a;
}

// True when `body` holds several complete JSON documents one after another (simdjson's DOM
// parser reports that as a generic tape error).
bool IsConcatenatedJson(simdjson::dom::parser& parser, std::string_view body) {
  // parse_many reads past the end of its input; the copy is made only on this error path.
  const simdjson::padded_string copy(body);
  simdjson::dom::document_stream stream;
  const size_t batch = std::max<size_t>(body.size() + 1, simdjson::dom::MINIMAL_BATCH_SIZE);
  if (parser.parse_many(copy.data(), copy.size(), batch).get(stream)) return false;
  size_t documents = 0;
  for (auto doc : stream) {
    if (doc.error()) return false;
    ++documents;
  }
  return documents > 1;
}

std::string ParseErrorMessage(simdjson::dom::parser& parser, std::string_view body,
                              simdjson::error_code error) {
  const size_t last = body.find_last_not_of(" \t\r\n");
  const bool closed = last != std::string_view::npos && (body[last] == ']' || body[last] == '}');
  switch (error) {
    case simdjson::UTF8_ERROR:
      return "not valid UTF-8 (exports are UTF-8 JSON; was the file re-saved in another encoding?)";
    case simdjson::TRAILING_CONTENT:
      return "unexpected data after the end of the JSON document";
    case simdjson::DEPTH_ERROR:
      return "JSON nested too deeply";
    case simdjson::CAPACITY:
    case simdjson::MEMALLOC:
      return "file too large to parse";
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
    case simdjson::UNCLOSED_STRING:
    case simdjson::TAPE_ERROR:
      if (!closed) return "truncated JSON (the file ends before the document is closed)";
      if (IsConcatenatedJson(parser, body)) {
        return "more than one JSON document in the file (data after the end of the first)";
      }
      return "malformed JSON (brackets or separators do not match)";
    default:
      return fmt::format("invalid JSON ({})", simdjson::error_message(error));
  }
}

enum class Shape { kNone, kExtended, kAccount, kSearchQueries, kRecentlyPlayedItem };

Shape ShapeOfObject(object o) {
  if (!o["ts"].error() || !o["ms_played"].error()) return Shape::kExtended;
  if (!o["endTime"].error() || !o["msPlayed"].error()) return Shape::kAccount;
  if (!o["searchQuery"].error() || !o["searchTime"].error()) return Shape::kSearchQueries;
  if (!o["played_at"].error() && !o["track"].error()) return Shape::kRecentlyPlayedItem;
  return Shape::kNone;
}

Shape ShapeOfRecord(element e) {
  object o;
  return e.get(o) ? Shape::kNone : ShapeOfObject(o);
}

// The shape of the first element that has one: a stray non-object at the front of an export
// must not hide the plays behind it (it is rejected as a record instead).
Shape ShapeOfArray(array a) {
  for (const element e : a) {
    if (const Shape s = ShapeOfRecord(e); s != Shape::kNone) return s;
  }
  return Shape::kNone;
}

uint64_t CountElements(array a) {
  uint64_t n = 0;
  for ([[maybe_unused]] const element e : a) ++n;
  return n;
}

FileAnalysis NonPlayFile(FileKind kind, uint64_t entries) {
  FileAnalysis a;
  a.kind = kind;
  a.entries = entries;
  return a;
}

FileAnalysis AnalyzeArray(std::string_view file_name, array root) {
  switch (ShapeOfArray(root)) {
    case Shape::kExtended:
      return AnalyzeExtendedArray(file_name, root);
    case Shape::kAccount:
      return AnalyzeAccountArray(file_name, root);
    case Shape::kSearchQueries:
      return NonPlayFile(FileKind::kSearchQueries, CountElements(root));
    default:
      break;
  }
  if (root.begin() == root.end()) {
    FileAnalysis a = NonPlayFile(KindFromFileName(file_name).value_or(FileKind::kOther), 0);
    a.message = "empty export (0 records)";
    return a;
  }
  return NonPlayFile(FileKind::kOther, CountElements(root));
}

// The array member of `root` whose elements look like plays, if any.
std::optional<std::pair<std::string_view, array>> WrappedPlays(object root) {
  for (const auto field : root) {
    array a;
    if (field.value.get(a)) continue;
    const Shape s = ShapeOfArray(a);
    if (s == Shape::kExtended || s == Shape::kAccount) return std::make_pair(field.key, a);
  }
  return std::nullopt;
}

bool IsYourLibrary(object root) {
  array tracks;
  if (root["tracks"].get(tracks)) return false;
  const bool library_keys = !root["bannedTracks"].error() || !root["shows"].error() ||
                            !root["episodes"].error() || !root["albums"].error();
  if (!library_keys) return false;
  // API responses have "tracks" and "albums" too; library tracks are {artist, album, track, uri}.
  if (tracks.begin() == tracks.end()) return true;
  const element first = *tracks.begin();
  return !first["track"].error() && !first["uri"].error();
}

uint64_t LibraryEntries(object root) {
  uint64_t n = 0;
  for (const auto field : root) {
    array a;
    if (!field.value.get(a)) n += CountElements(a);
  }
  return n;
}

FileAnalysis AnalyzeObject(std::string_view file_name, object root) {
  array items;
  if (!root["items"].get(items) && ShapeOfArray(items) == Shape::kRecentlyPlayedItem) {
    return AnalyzeRecentlyPlayedItems(items);
  }
  const Shape self = ShapeOfObject(root);
  if (self == Shape::kExtended || self == Shape::kAccount) {
    return Verdicted(Verdict::kRejected,
                     "a single JSON object holding one play; an export file is an array of plays");
  }
  if (const auto wrapped = WrappedPlays(root)) {
    const uint64_t n = CountElements(wrapped->second);
    return Verdicted(Verdict::kRejected,
                     fmt::format("a JSON object holding {} play{} under \"{}\"; an export file is "
                                 "an array of plays (was it edited?)",
                                 n, n == 1 ? "" : "s", wrapped->first));
  }
  if (IsYourLibrary(root)) return NonPlayFile(FileKind::kYourLibrary, LibraryEntries(root));
  array playlists;
  if (!root["playlists"].get(playlists)) {
    return NonPlayFile(FileKind::kPlaylists, CountElements(playlists));
  }
  return NonPlayFile(FileKind::kOther, 0);
}

}  // namespace

simdjson::simdjson_result<element> ParseExportJson(simdjson::dom::parser& parser,
                                                   std::string_view bytes, bool padded) {
  if (bytes.substr(0, kBom.size()) == kBom) bytes.remove_prefix(kBom.size());
  return parser.parse(bytes.data(), bytes.size(), !padded);
}

FileAnalysis AnalyzeExportFile(std::string_view file_name, std::string_view bytes,
                               simdjson::dom::parser& parser, bool padded) {
  if (bytes.empty()) return Verdicted(Verdict::kRejected, "file is empty");
  if (bytes.substr(0, 4) == "%PDF") return Verdicted(Verdict::kIgnored, "a PDF document (ignored)");
  std::string_view body = bytes;
  if (body.substr(0, kBom.size()) == kBom) body.remove_prefix(kBom.size());
  const size_t first = body.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return Verdicted(Verdict::kRejected, "file holds only whitespace");
  }
  if (body[first] != '[' && body[first] != '{') {
    return Verdicted(Verdict::kIgnored, "not JSON (ignored)");
  }

  element root;
  if (const auto error = ParseExportJson(parser, bytes, padded).get(root)) {
    return Verdicted(Verdict::kRejected, ParseErrorMessage(parser, body, error));
  }
  array a;
  if (!root.get(a)) return AnalyzeArray(file_name, a);
  return AnalyzeObject(file_name, root.get_object().value_unsafe());
}

}  // namespace uw::spotify_export
