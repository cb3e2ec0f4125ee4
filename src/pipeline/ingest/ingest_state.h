// The recently-played ingest state, _state/spotify/cursor.json (lake::kSpotifyCursorKey): the
// cursor, when the last poll ran, when a rate-limit stop allows the next run, and the keys of
// the plays landed most recently so that an unchanged response is not landed again.
//
// The cursor is the newest played_at (epoch ms) ever landed in bronze and never decreases. It is
// ours, not Spotify's cursors.after (which can be 1 ms below the newest played_at, formats.md
// §3.1), and it does not limit what is fetched: every poll asks for the full 50.
// The state is written with ObjectStore::Put (atomic) after the bronze objects it describes are
// synced, so a crash between the two only lands a response twice, which silver de-duplicates.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "storage/object_store.h"

namespace uw::ingest {

// One play as recently-played identifies it: the track id (or, without one, its URI or name)
// and played_at in epoch milliseconds.
struct PlayKey {
  int64_t played_at_ms = 0;
  std::string track;

  auto operator<=>(const PlayKey&) const = default;
};

struct IngestState {
  int64_t cursor_ms = 0;     // newest played_at ever landed; 0 = nothing landed yet
  int64_t last_poll_ms = 0;  // when the last poll that reached Spotify finished; 0 = never
  // A run stopped by Spotify (rate limit, quota) or by the request budget: no run calls the API
  // before this time. nullopt = no pending stop.
  std::optional<int64_t> resume_after_ms;
  std::string stop_reason;    // http::ReasonName of that stop, "" when none
  std::string last_error;     // the last run's failure message ("" after a successful poll)
  int64_t last_error_ms = 0;  // when it failed
  // Keys of the newest landed plays, at most kRecentKeysKept (the newest by played_at).
  std::set<PlayKey> recent;
};

// Only the last 50 plays are reachable (formats.md §3.1), so a returned item is always among the
// newest 50 plays; ten times that leaves room for plays Spotify drops from the list. A key
// forgotten anyway only costs a response landed twice, never a lost play.
inline constexpr size_t kRecentKeysKept = 500;

// The state in the lake; a fresh state when the file does not exist. Throws Error(kCorrupt)
// naming the file when it cannot be read as a state (moving it aside starts over; bronze is
// unaffected).
IngestState ReadIngestState(const storage::ObjectStore& lake);

// Writes `state` atomically (ObjectStore::Put), keeping only the newest kRecentKeysKept keys.
void WriteIngestState(storage::ObjectStore& lake, const IngestState& state);

// Adds landed keys and moves the cursor to the newest of them when that is later; the cursor
// never moves back. Trims `recent` to kRecentKeysKept.
void RecordLanded(IngestState& state, const std::set<PlayKey>& keys);

// The state as JSON and back (exposed for tests); parsing throws Error(kCorrupt) naming `where`.
std::string IngestStateToJson(const IngestState& state);
IngestState IngestStateFromJson(std::string_view json, std::string_view where);

}  // namespace uw::ingest
