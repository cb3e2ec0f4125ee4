// The vocabulary of the Spotify exports: what a file is (its kind, which is also its bronze
// folder), which schema vintage it follows, and what each play record holds (formats.md §1–2).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace uw::spotify_export {

enum class FileKind {
  kExtendedAudio,     // Streaming_History_Audio_*.json / endsong_*.json
  kExtendedVideo,     // Streaming_History_Video_*.json / endvideo.json
  kAccountMusic,      // StreamingHistory_music_N.json
  kAccountPodcast,    // StreamingHistory_podcast_N.json
  kAccountAudiobook,  // StreamingHistory_audiobook_N.json
  kAccountMixed,      // legacy StreamingHistoryN.json (music and podcasts in one schema)
  kYourLibrary,       // YourLibrary.json
  kPlaylists,         // PlaylistN.json
  kSearchQueries,     // SearchQueries.json
  kRecentlyPlayed,    // a GET /me/player/recently-played response found among the inputs
  kOther,             // JSON of no known Spotify shape: landed, never an error
  kNone,              // not landed (rejected or ignored)
};

// The bronze folder name of a kind ("extended_audio", …, "other"); "none" for kNone.
std::string_view KindName(FileKind kind);
std::optional<FileKind> KindFromName(std::string_view name);
// True for the kinds whose records are plays (extended, account, recently played).
bool IsPlayKind(FileKind kind);

enum class Vintage {
  kNone,
  kExtendedA,      // 21 keys: username, ip_addr_decrypted, user_agent_decrypted
  kExtendedB,      // 19 keys: ip_addr, no audiobook keys
  kExtendedC,      // 23 keys: B + audiobook_*
  kAccountLegacy,  // StreamingHistoryN.json era (≤ mid-2023)
  kAccountSplit,   // StreamingHistory_music/podcast/audiobook_N.json era
};

// "A", "B", "C", "legacy", "split", or "" for kNone.
std::string_view VintageName(Vintage vintage);
std::optional<Vintage> VintageFromName(std::string_view name);

enum class ContentType { kMusic, kPodcast, kAudiobook, kVideo, kUnidentifiable };
inline constexpr size_t kContentTypeCount = 5;
// "music", "podcast", "audiobook", "video", "unidentifiable".
std::string_view ContentTypeName(ContentType type);

// Records per content type. Unidentifiable records (no track, episode or audiobook identity) are
// counted, not rejected (DESIGN §8.5).
struct ContentCounts {
  std::array<uint64_t, kContentTypeCount> counts{};

  uint64_t& operator[](ContentType type) { return counts[static_cast<size_t>(type)]; }
  uint64_t operator[](ContentType type) const { return counts[static_cast<size_t>(type)]; }
  uint64_t Total() const;
  void Add(const ContentCounts& other);
  bool operator==(const ContentCounts&) const = default;
};

}  // namespace uw::spotify_export
