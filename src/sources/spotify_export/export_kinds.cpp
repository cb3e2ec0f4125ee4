#include "sources/spotify_export/export_kinds.h"

namespace uw::spotify_export {
namespace {

constexpr std::array<std::string_view, 12> kKindNames = {
    "extended_audio",    "extended_video",  "account_music", "account_podcast",
    "account_audiobook", "account_mixed",   "your_library",  "playlists",
    "search_queries",    "recently_played", "other",         "none"};

constexpr std::array<std::string_view, 6> kVintageNames = {"", "A", "B", "C", "legacy", "split"};

constexpr std::array<std::string_view, kContentTypeCount> kContentTypeNames = {
    "music", "podcast", "audiobook", "video", "unidentifiable"};

}  // namespace

std::string_view KindName(FileKind kind) { return kKindNames[static_cast<size_t>(kind)]; }

std::optional<FileKind> KindFromName(std::string_view name) {
  for (size_t i = 0; i < kKindNames.size(); ++i) {
    if (kKindNames[i] == name) return static_cast<FileKind>(i);
  }
  return std::nullopt;
}

bool IsPlayKind(FileKind kind) {
  switch (kind) {
    case FileKind::kExtendedAudio:
    case FileKind::kExtendedVideo:
    case FileKind::kAccountMusic:
    case FileKind::kAccountPodcast:
    case FileKind::kAccountAudiobook:
    case FileKind::kAccountMixed:
    case FileKind::kRecentlyPlayed:
      return true;
    default:
      return false;
  }
}

std::string_view VintageName(Vintage vintage) {
  return kVintageNames[static_cast<size_t>(vintage)];
}

std::optional<Vintage> VintageFromName(std::string_view name) {
  for (size_t i = 0; i < kVintageNames.size(); ++i) {
    if (kVintageNames[i] == name) return static_cast<Vintage>(i);
  }
  return std::nullopt;
}

std::string_view ContentTypeName(ContentType type) {
  return kContentTypeNames[static_cast<size_t>(type)];
}

uint64_t ContentCounts::Total() const {
  uint64_t total = 0;
  for (const uint64_t c : counts) total += c;
  return total;
}

void ContentCounts::Add(const ContentCounts& other) {
  for (size_t i = 0; i < kContentTypeCount; ++i) counts[i] += other.counts[i];
}

}  // namespace uw::spotify_export
