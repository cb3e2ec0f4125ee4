#include "pipeline/silver/play_record.h"

#include <cstring>
#include <ostream>
#include <string_view>

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

void EventId::HexTo(char* out) const {
  static constexpr char kHex[] = "0123456789abcdef";
  for (size_t i = 0; i < kBytes; ++i) {
    out[2 * i] = kHex[bytes_[i] >> 4];
    out[2 * i + 1] = kHex[bytes_[i] & 15];
  }
}

std::string EventId::Hex() const {
  std::string hex(kHexSize, '0');
  HexTo(hex.data());
  return hex;
}

std::ostream& operator<<(std::ostream& out, const EventId& id) { return out << id.Hex(); }

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
