#include "pipeline/silver/play_record.h"

#include <cstdlib>
#include <string_view>
#include <unordered_map>

#include "core/error.h"

namespace uw::silver {

uint8_t SourceBit(Source source) {
  switch (source) {
    case Source::kApi:
      return kSeenByApi;
    case Source::kExtended:
      return kSeenByExtended;
    case Source::kAccount:
      return kSeenByAccount;
  }
  return 0;
}

const char* SourceName(Source source) {
  switch (source) {
    case Source::kApi:
      return "api";
    case Source::kExtended:
      return "extended";
    case Source::kAccount:
      return "account";
  }
  return "";
}

const char* ContentName(Content content) {
  switch (content) {
    case Content::kMusic:
      return "music";
    case Content::kEpisode:
      return "episode";
    case Content::kAudiobook:
      return "audiobook";
    case Content::kVideoPodcast:
      return "video";
  }
  return "";
}

namespace {

constexpr int64_t kStreamMs = 30000;         // is_stream threshold (DESIGN §2 gold, §3)
constexpr int64_t kStartDisagreeMs = 10000;  // offline_timestamp wins beyond this (§3 "Time")

bool IsSkipReason(Text reason) {
  static const Text kForward = Text::Intern("fwdbtn"), kBack = Text::Intern("backbtn"),
                    kEndPlay = Text::Intern("endplay");
  return reason == kForward || reason == kBack || reason == kEndPlay;  // ids, not bytes
}

}  // namespace

Tri TriOf(const std::optional<bool>& value) {
  return value ? (*value ? Tri::kTrue : Tri::kFalse) : Tri::kUnknown;
}

std::optional<bool> OptionalOf(Tri value) {
  if (value == Tri::kUnknown) return std::nullopt;
  return value == Tri::kTrue;
}

int64_t PlayRecord::StartedAtMs() const {
  const int64_t started = ended_at_ms - ms_played.value_or(0);
  if (offline_at_ms && std::abs(*offline_at_ms - started) > kStartDisagreeMs) return *offline_at_ms;
  return started;
}

bool PlayRecord::IsStream() const { return ms_played.value_or(0) >= kStreamMs; }

bool PlayRecord::IsSkip() const { return IsSkipReason(reason_end) || !IsStream(); }

Text PlayRecord::Platform() const {
  // A history has a few dozen raw platforms against millions of plays: each thread remembers
  // their families, so rows written on several threads share no lock, and consecutive plays
  // mostly share a device.
  thread_local Text last_raw, last_family;
  thread_local std::unordered_map<uint32_t, Text> families;
  if (platform_raw == last_raw) return last_family;  // both start as "", the family of ""
  const auto [it, fresh] = families.try_emplace(platform_raw.key());
  if (fresh) it->second = Text::Intern(PlatformFamily(std::string(platform_raw.view())));
  last_raw = platform_raw;
  return last_family = it->second;
}

Text PlayRecord::Uri() const {
  switch (content) {
    case Content::kMusic:
      return track_uri;
    case Content::kAudiobook:
      return chapter_uri;
    default:
      return episode_uri;
  }
}

std::string NormaliseName(const std::string& name) {
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  for (const char c : name) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

namespace {
std::string JoinNames(Text a, Text b) {
  if (a.empty() && b.empty()) return {};
  std::string key(NormalisedName(a).view());
  key += '\x1f';
  key += NormalisedName(b).view();
  return key;
}
}  // namespace

std::string NameKey(const PlayRecord& play) {
  switch (play.content) {
    case Content::kMusic:
      return JoinNames(play.artist_name, play.track_name);
    case Content::kAudiobook:
      return JoinNames(play.audiobook_title, play.chapter_title);
    default:
      return JoinNames(play.show_name, play.episode_name);
  }
}

std::optional<int64_t> NormaliseOfflineTimestamp(std::optional<int64_t> raw) {
  constexpr int64_t kMillisThreshold = 100'000'000'000;  // 1e11: larger values are ms
  constexpr int64_t kSpotifyLaunchS = 1'200'000'000;     // 2008; earlier values are junk
  if (!raw) return std::nullopt;
  const int64_t seconds_ms = *raw >= kMillisThreshold ? *raw : *raw * 1000;
  if (seconds_ms < kSpotifyLaunchS * 1000) return std::nullopt;
  return seconds_ms;
}

std::string PlatformFamily(const std::string& raw) {
  const std::string s = NormaliseName(raw);
  auto starts = [&s](std::string_view p) { return s.rfind(p, 0) == 0; };
  if (s.empty()) return "";
  if (starts("android")) return "android";
  if (starts("ios") || starts("iphone") || starts("ipad")) return "ios";
  if (starts("windows") || starts("win32")) return "windows";
  if (starts("os x") || starts("osx") || starts("macos")) return "osx";
  if (starts("linux")) return "linux";
  if (starts("web_player") || starts("webplayer") || starts("web ")) return "web";
  if (starts("cast") || s.find("chromecast") != std::string::npos) return "cast";
  if (starts("partner")) return "partner";
  if (starts("not_applicable")) return "not_applicable";
  return "other";
}

}  // namespace uw::silver
