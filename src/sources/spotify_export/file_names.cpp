#include "sources/spotify_export/file_names.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace uw::spotify_export {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// "<prefix><digits>.json", e.g. Playlist12.json.
bool IsNumbered(std::string_view name, std::string_view prefix) {
  if (!StartsWith(name, prefix) || name.size() < prefix.size() + 6) return false;
  const std::string_view rest = name.substr(prefix.size());
  const size_t dot = rest.find('.');
  if (dot == 0 || dot == std::string_view::npos || rest.substr(dot) != ".json") return false;
  return std::all_of(rest.begin(), rest.begin() + static_cast<long>(dot),
                     [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string_view BaseName(std::string_view path) {
  const size_t slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool IsVideoFileName(std::string_view name) {
  return Lower(BaseName(name)).find("video") != std::string::npos;
}

bool IsLegacyAccountFileName(std::string_view name) {
  return IsNumbered(BaseName(name), "StreamingHistory");
}

std::optional<FileKind> KindFromFileName(std::string_view name) {
  const std::string_view base = BaseName(name);
  const std::string lower = Lower(base);
  if (StartsWith(lower, "streaming_history_video") || StartsWith(lower, "endvideo")) {
    return FileKind::kExtendedVideo;
  }
  if (StartsWith(lower, "streaming_history_audio") || StartsWith(lower, "endsong")) {
    return FileKind::kExtendedAudio;
  }
  if (StartsWith(lower, "streaminghistory_music_")) return FileKind::kAccountMusic;
  if (StartsWith(lower, "streaminghistory_podcast_")) return FileKind::kAccountPodcast;
  if (StartsWith(lower, "streaminghistory_audiobook_")) return FileKind::kAccountAudiobook;
  if (IsLegacyAccountFileName(base)) return FileKind::kAccountMixed;
  if (lower == "yourlibrary.json") return FileKind::kYourLibrary;
  if (IsNumbered(base, "Playlist")) return FileKind::kPlaylists;
  if (lower == "searchqueries.json") return FileKind::kSearchQueries;
  return std::nullopt;
}

}  // namespace uw::spotify_export
