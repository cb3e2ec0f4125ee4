// The keys the resolution rules group and match plays by (docs/silver_rules.md), in structural
// form: a play's normalised names as two interned Texts instead of NameKey()'s joined string.
// Two plays have equal keys exactly when the rules' strings are equal (names holding the
// \x1d-\x1f separator characters aside), and nothing is allocated per play.
#pragma once

#include <cstdint>

#include "pipeline/silver/key_index.h"
#include "pipeline/silver/play_record.h"

namespace uw::silver {

// NameKey() in structural form: the normalised (first, second) names of the content type.
struct NamesKey {
  Text first, second;
  bool present = false;  // false: both names missing, NameKey() == ""

  bool operator==(const NamesKey&) const = default;
  uint64_t Hash(uint64_t h = 0) const {
    return HashMix(HashMix(HashMix(h, first.key()), second.key()), present);
  }
};

inline NamesKey NamesKeyOf(const PlayRecord& p) {
  const Text a = p.content == Content::kMusic       ? p.artist_name
                 : p.content == Content::kAudiobook ? p.audiobook_title
                                                    : p.show_name;
  const Text b = p.content == Content::kMusic       ? p.track_name
                 : p.content == Content::kAudiobook ? p.chapter_title
                                                    : p.episode_name;
  if (a.empty() && b.empty()) return {};
  return {NormalisedName(a), NormalisedName(b), true};
}

// Matching across sources treats video podcasts as episodes (account data cannot tell them apart).
inline uint8_t MatchContent(Content c) {
  return static_cast<uint8_t>(c == Content::kVideoPodcast ? Content::kEpisode : c);
}

// A play's identity within its content type: its URI, else its names.
struct IdentityKey {
  uint8_t content = 0;
  Text uri;
  NamesKey names;  // only when uri is empty

  bool operator==(const IdentityKey&) const = default;
  uint64_t Hash() const { return HashFinish(names.Hash(HashMix(content, uri.key()))); }
};

inline IdentityKey IdentityKeyOf(const PlayRecord& p) {
  const Text uri = p.Uri();
  return {static_cast<uint8_t>(p.content), uri, uri.empty() ? NamesKeyOf(p) : NamesKey{}};
}

}  // namespace uw::silver
