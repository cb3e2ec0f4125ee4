// The fake's fault plan: one-shot faults queued by the test and a seeded random share of Web API
// requests, decided per request before anything else happens (so a faulted request has no
// effect). Not thread-safe; FakeSpotify serialises access.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string_view>
#include <vector>

#include "fakes/fake_spotify.h"

namespace uw::fakes {

// What a request is, as far as faults care.
enum class Endpoint {
  kAuthorize,       // GET /authorize
  kToken,           // POST /api/token, authorization_code and anything else
  kRefresh,         // POST /api/token with grant_type=refresh_token
  kApiSingle,       // GET /v1/<kind>/<id>
  kApiBatch,        // GET /v1/<kind>?ids=
  kSearch,          // GET /v1/search
  kRecentlyPlayed,  // GET /v1/me/player/recently-played
  kApiOther,        // any other /v1/ path
  kOther,
};

// Whether `kind` can hit `endpoint`: status faults (429, 5xx, timeout, drop) hit anything; the
// body faults only the endpoints whose bodies they change.
bool FaultApplies(FaultKind kind, Endpoint endpoint);
// Faults that answer in place of the request (status, timeout, drop, invalid_grant).
bool ReplacesResponse(FaultKind kind);

class FaultPlan {
 public:
  void Queue(Fault fault);
  void Clear();
  void SetRandom(double rate, std::vector<FaultKind> kinds, uint64_t seed, Fault shape);
  // The fault for this request, if any; consumes one use of a queued fault and, for /v1/
  // paths, one step of the random stream.
  std::optional<Fault> Decide(std::string_view path, Endpoint endpoint);

 private:
  uint64_t NextRandom();

  std::deque<Fault> queue_;
  double rate_ = 0;
  std::vector<FaultKind> kinds_;
  uint64_t state_ = 0;
  Fault shape_;
};

// Shuts the server's side of the loopback TCP connection between our `local_port` and the
// client's `remote_port` (found among this process's sockets), so the client reads EOF without
// a response byte. False when no such socket was found.
bool ShutdownConnection(int local_port, int remote_port);

}  // namespace uw::fakes
