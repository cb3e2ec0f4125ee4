// The last steps of play resolution: name-only plays resolved to the listener's own URIs
// (DESIGN §8.3), the derived flags (§3 "What counts", "Listening time"), and the whole pipeline.
#include <openssl/evp.h>

#include <algorithm>
#include <atomic>
#include <iterator>
#include <string>
#include <tuple>

#include "core/civil_time.h"
#include "core/error.h"
#include "pipeline/silver/parallel_ranges.h"
#include "pipeline/silver/play_keys.h"
#include "pipeline/silver/resolve_plays.h"
#include "pipeline/silver/search_resolution.h"

namespace uw::silver {
namespace {

constexpr int64_t kStreamMs = 30000;         // is_stream threshold (DESIGN §2 gold, §3)
constexpr int64_t kStartDisagreeMs = 10000;  // offline_timestamp wins beyond this (§3 "Time")

// Content and names, video podcasts apart: the names a URI is learned for.
struct ContentNamesKey {
  uint8_t content = 0;
  NamesKey names;

  bool operator==(const ContentNamesKey&) const = default;
  uint64_t Hash() const { return HashFinish(names.Hash(content)); }
};

struct UriUse {
  Text uri;
  uint64_t plays = 0;
  int64_t last_ms = 0;
};

// The most used URI, then the most recent; ties go to the smallest URI.
const UriUse& MostUsed(const std::vector<UriUse>& uses) {
  const UriUse* best = &uses.front();
  for (const UriUse& u : uses) {
    const auto a = std::tie(u.plays, u.last_ms), b = std::tie(best->plays, best->last_ms);
    if (a > b || (a == b && u.uri < best->uri)) best = &u;
  }
  return *best;
}

bool IsSkipReason(Text reason) {
  static const Text kForward = Text::Intern("fwdbtn"), kBack = Text::Intern("backbtn"),
                    kEndPlay = Text::Intern("endplay");
  return reason == kForward || reason == kBack || reason == kEndPlay;  // ids, not bytes
}

// Estimated ms_played of an api-only play: the time since the previous play ended, capped at
// the track duration (a play cannot have run longer than the gap before its end). The first
// play's previous one is `previous_end_ms` when known.
int64_t EstimateMs(const std::vector<PlayRecord>& plays, size_t i,
                   std::optional<int64_t> previous_end_ms) {
  const int64_t duration = plays[i].track_duration_ms.value_or(0);
  if (i == 0 && !previous_end_ms) return duration;
  const int64_t gap = plays[i].ended_at_ms - (i == 0 ? *previous_end_ms : plays[i - 1].ended_at_ms);
  return std::clamp<int64_t>(gap, 0, duration > 0 ? duration : gap);
}

// What an event id is derived from: content, resolved URI (else names), ended_at second.
struct EventKey {
  uint8_t content = 0;
  Text uri;
  NamesKey names;
  int64_t second = 0;

  bool operator==(const EventKey&) const = default;
  uint64_t Hash() const {
    return HashFinish(HashMix(names.Hash(HashMix(content, uri.key())), uint64_t(second)));
  }
};

EventKey EventKeyOf(const PlayRecord& p) {
  return {static_cast<uint8_t>(p.content), p.resolved_uri,
          p.resolved_uri.empty() ? NamesKeyOf(p) : NamesKey{}, core::FloorDiv(p.ended_at_ms, 1000)};
}

// Counts, for plays[start, end) (one run of plays that may share keys), how many earlier plays
// of the run share each play's EventKey.
void CountRun(const std::vector<PlayRecord>& plays, size_t start, size_t end,
              std::vector<uint32_t>& out) {
  constexpr size_t kSmallRun = 16;
  if (end - start > 1 && end - start <= kSmallRun) {  // compare with each earlier play
    EventKey keys[kSmallRun];
    for (size_t i = start; i < end; ++i) {
      keys[i - start] = EventKeyOf(plays[i]);
      for (size_t j = start; j < i; ++j) out[i] += keys[j - start] == keys[i - start];
    }
  } else if (end - start > 1) {
    KeyIndex<EventKey> keys(end - start);
    std::vector<uint32_t> seen;
    for (size_t i = start; i < end; ++i) {
      const uint32_t id = keys.Insert(EventKeyOf(plays[i]));
      if (id == seen.size()) seen.push_back(0);
      out[i] = seen[id]++;
    }
  }
}

int64_t SecondOf(const PlayRecord& p) { return core::FloorDiv(p.ended_at_ms, 1000); }

// How many earlier plays share each play's EventKey. Plays sorted by time share keys only
// within one second, so only those short runs are compared, on every core (each range of plays
// taking the runs that start in it).
std::vector<uint32_t> Occurrences(const std::vector<PlayRecord>& plays) {
  std::vector<uint32_t> out(plays.size(), 0);
  std::atomic<bool> sorted{true};
  ParallelRanges(plays.size(), [&](size_t begin, size_t end) {
    for (size_t i = std::max<size_t>(begin, 1); i < end && sorted; ++i) {
      if (plays[i].ended_at_ms < plays[i - 1].ended_at_ms) sorted = false;
    }
  });
  if (!sorted) {
    CountRun(plays, 0, plays.size(), out);
    return out;
  }
  // The first play at or after `i` that starts a second.
  const auto run_start = [&](size_t i) {
    while (i > 0 && i < plays.size() && SecondOf(plays[i]) == SecondOf(plays[i - 1])) ++i;
    return i;
  };
  ParallelRanges(plays.size(), [&](size_t begin, size_t end) {
    size_t start = run_start(begin);
    const size_t last = run_start(end);
    while (start < last) {
      const int64_t second = SecondOf(plays[start]);
      size_t run_end = start + 1;
      while (run_end < plays.size() && SecondOf(plays[run_end]) == second) ++run_end;
      CountRun(plays, start, run_end, out);
      start = run_end;
    }
  });
  return out;
}

// SHA-256 with one reused OpenSSL context: a short digest then costs ~0.1 µs, not ~0.4 µs.
class EventIdHasher {
 public:
  EventIdHasher() : md_(EVP_MD_fetch(nullptr, "SHA256", nullptr)), ctx_(EVP_MD_CTX_new()) {
    if (!md_ || !ctx_) Fail(ErrorCode::kInternal, "OpenSSL SHA-256 is unavailable");
  }
  ~EventIdHasher() {
    EVP_MD_CTX_free(ctx_);
    EVP_MD_free(md_);
  }
  EventIdHasher(const EventIdHasher&) = delete;
  EventIdHasher& operator=(const EventIdHasher&) = delete;

  // The first 16 bytes of the digest.
  void Prefix(std::string_view bytes, EventId& out) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_DigestInit_ex2(ctx_, md_, nullptr) != 1 ||
        EVP_DigestUpdate(ctx_, bytes.data(), bytes.size()) != 1 ||
        EVP_DigestFinal_ex(ctx_, digest, &length) != 1) {
      Fail(ErrorCode::kInternal, "OpenSSL SHA-256 failed");
    }
    out.SetDigest(digest);
  }

 private:
  EVP_MD* md_;
  EVP_MD_CTX* ctx_;
};

// Flags, start time and event id of plays[begin, end); returns how many ms_played it estimated.
uint64_t DeriveRange(std::vector<PlayRecord>& plays, const std::vector<uint32_t>& occurrences,
                     size_t begin, size_t end, std::optional<int64_t> previous_end_ms) {
  EventIdHasher sha;
  std::string identity;
  uint64_t estimated = 0;
  for (size_t i = begin; i < end; ++i) {
    PlayRecord& p = plays[i];
    if (!p.ms_played && p.sources == kSeenByApi) {
      p.ms_played = EstimateMs(plays, i, previous_end_ms);
      p.ms_played_estimated = true;
      ++estimated;
    }
    const int64_t ms = p.ms_played.value_or(0);
    p.is_stream = ms >= kStreamMs;
    p.is_skip = IsSkipReason(p.reason_end) || ms < kStreamMs;
    p.started_at_ms = p.ended_at_ms - ms;
    if (p.offline_at_ms && std::abs(*p.offline_at_ms - p.started_at_ms) > kStartDisagreeMs) {
      p.started_at_ms = *p.offline_at_ms;
    }
    identity.assign(ContentName(p.content));
    identity += '\x1f';
    identity += p.resolved_uri.empty() ? NameKey(p) : std::string_view(p.resolved_uri);
    identity += '\x1f';
    identity += std::to_string(core::FloorDiv(p.ended_at_ms, 1000));
    identity += '\x1f';
    identity += std::to_string(occurrences[i]);
    sha.Prefix(identity, p.event_id);
  }
  return estimated;
}

// The URIs extended and api plays used under each `wanted` names, with counts and last use.
std::vector<std::vector<UriUse>> CountUses(const std::vector<PlayRecord>& plays,
                                           const KeyIndex<ContentNamesKey>& wanted) {
  std::vector<std::vector<UriUse>> uses(wanted.size());
  if (wanted.size() == 0) return uses;
  // Keying every play is the costly part: done on every core, counted in order after.
  std::vector<uint32_t> wanted_of(plays.size(), KeyIndex<ContentNamesKey>::kNone);
  ParallelRanges(plays.size(), [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      const PlayRecord& p = plays[i];
      if (p.Uri().empty() || (p.sources & (kSeenByExtended | kSeenByApi)) == 0) continue;
      const NamesKey names = NamesKeyOf(p);
      if (names.present) wanted_of[i] = wanted.Find({uint8_t(p.content), names});
    }
  });
  for (size_t i = 0; i < plays.size(); ++i) {
    const uint32_t id = wanted_of[i];
    if (id == KeyIndex<ContentNamesKey>::kNone) continue;
    const PlayRecord& p = plays[i];
    auto it = std::find_if(uses[id].begin(), uses[id].end(),
                           [&](const UriUse& u) { return u.uri == p.Uri(); });
    if (it == uses[id].end()) it = uses[id].insert(it, UriUse{p.Uri()});
    ++it->plays;
    it->last_ms = std::max(it->last_ms, p.ended_at_ms);
  }
  return uses;
}

}  // namespace

void ResolveNames(std::vector<PlayRecord>& plays, ResolveSummary& summary) {
  // Only the names of plays without a URI need their URIs counted.
  KeyIndex<ContentNamesKey> wanted;
  std::vector<std::pair<size_t, uint32_t>> nameless;  // play, wanted id (kNone: no names)
  for (size_t i = 0; i < plays.size(); ++i) {
    const PlayRecord& p = plays[i];
    if (!p.Uri().empty()) continue;
    const NamesKey names = NamesKeyOf(p);
    nameless.emplace_back(i, names.present ? wanted.Insert({uint8_t(p.content), names})
                                           : KeyIndex<ContentNamesKey>::kNone);
  }
  const std::vector<std::vector<UriUse>> uses = CountUses(plays, wanted);
  for (PlayRecord& p : plays) {
    if (p.Uri().empty()) continue;
    p.resolved_uri = p.Uri();
    p.resolution = Resolution::kOwn;
  }
  for (const auto& [i, id] : nameless) {
    PlayRecord& p = plays[i];
    if (id == KeyIndex<ContentNamesKey>::kNone || uses[id].empty()) {
      p.resolution = Resolution::kUnseen;
      ++summary.names_unresolved;
      continue;
    }
    p.resolved_uri = MostUsed(uses[id]).uri;
    p.resolution = uses[id].size() == 1 ? Resolution::kUnique : Resolution::kMostUsed;
    ++summary.names_resolved;
    if (p.resolution == Resolution::kMostUsed) ++summary.names_resolved_most_used;
  }
}

void DeriveFlags(std::vector<PlayRecord>& plays, ResolveSummary& summary,
                 std::optional<int64_t> previous_play_end_ms) {
  const std::vector<uint32_t> occurrences = Occurrences(plays);
  // Plays are independent given their occurrences: hash the ids on every core.
  std::atomic<uint64_t> estimated{0};
  ParallelRanges(plays.size(), [&](size_t begin, size_t end) {
    estimated += DeriveRange(plays, occurrences, begin, end, previous_play_end_ms);
  });
  summary.ms_played_estimated += estimated;
}

ResolvedPlays ResolvePlays(BronzePlays bronze, const ResolveOptions& options) {
  ResolvedPlays out;
  ResolveSummary& s = out.summary;
  s.extended_in = bronze.extended.size();
  s.account_in = bronze.account.size();
  s.api_in = bronze.api.size();
  auto extended = MergeExactDuplicates(std::move(bronze.extended), s.extended_exact_duplicates);
  auto api = MergeExactDuplicates(std::move(bronze.api), s.api_repeated_items);
  auto plays = MergeApiIntoExtended(std::move(extended), std::move(api), s.api_extended_merged);
  s.zone = DecideAccountZone(bronze.account, plays, options);
  plays = MergeAccount(std::move(plays), std::move(bronze.account), s.zone.zone, s);
  ResolveNames(plays, s);
  if (options.search) ResolveBySearch(plays, *options.search, s);
  DeriveFlags(plays, s, options.previous_play_end_ms);
  // Music is most of the plays: it keeps their vector, podcasts are copied out.
  const auto is_podcast = [](const PlayRecord& p) { return !p.IsMusic(); };
  out.podcast.reserve(static_cast<size_t>(std::count_if(plays.begin(), plays.end(), is_podcast)));
  std::copy_if(plays.begin(), plays.end(), std::back_inserter(out.podcast), is_podcast);
  plays.erase(std::remove_if(plays.begin(), plays.end(), is_podcast), plays.end());
  out.music = std::move(plays);
  s.music_out = out.music.size();
  s.podcast_out = out.podcast.size();
  return out;
}

}  // namespace uw::silver
