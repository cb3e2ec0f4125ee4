#include "fakes/fake_faults.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdlib>
#include <filesystem>

namespace uw::fakes {

std::string_view FaultKindName(FaultKind kind) {
  switch (kind) {
    case FaultKind::k429: return "429";
    case FaultKind::k429QuotaExceeded: return "quota_exceeded";
    case FaultKind::k500: return "500";
    case FaultKind::k502: return "502";
    case FaultKind::k503: return "503";
    case FaultKind::kTimeout: return "timeout";
    case FaultKind::kDropConnection: return "drop_connection";
    case FaultKind::kNullEntries: return "null_entries";
    case FaultKind::kFloatsForInts: return "floats_for_ints";
    case FaultKind::kShuffledItems: return "shuffled_items";
    case FaultKind::kInvalidGrant: return "invalid_grant";
  }
  return "unknown";
}

bool FaultApplies(FaultKind kind, Endpoint endpoint) {
  switch (kind) {
    case FaultKind::kNullEntries:
      return endpoint == Endpoint::kApiBatch;
    case FaultKind::kFloatsForInts:
      return endpoint == Endpoint::kApiSingle || endpoint == Endpoint::kApiBatch || endpoint == Endpoint::kSearch ||
             endpoint == Endpoint::kRecentlyPlayed;
    case FaultKind::kShuffledItems:
      return endpoint == Endpoint::kRecentlyPlayed;
    case FaultKind::kInvalidGrant:
      return endpoint == Endpoint::kRefresh;
    default:
      return endpoint != Endpoint::kOther;
  }
}

bool ReplacesResponse(FaultKind kind) {
  return kind != FaultKind::kNullEntries && kind != FaultKind::kFloatsForInts && kind != FaultKind::kShuffledItems;
}

void FaultPlan::Queue(Fault fault) {
  if (fault.times > 0) queue_.push_back(std::move(fault));
}

void FaultPlan::Clear() {
  queue_.clear();
  rate_ = 0;
  kinds_.clear();
}

void FaultPlan::SetRandom(double rate, std::vector<FaultKind> kinds, uint64_t seed, Fault shape) {
  rate_ = rate;
  kinds_ = std::move(kinds);
  state_ = seed;
  shape_ = std::move(shape);
}

// splitmix64: tiny, and the same sequence on every platform (std distributions are not).
uint64_t FaultPlan::NextRandom() {
  uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::optional<Fault> FaultPlan::Decide(std::string_view path, Endpoint endpoint) {
  std::optional<Fault> random;
  if (rate_ > 0 && path.substr(0, 4) == "/v1/") {
    // Both draws happen for every API request, so the stream depends only on request order.
    const double u = static_cast<double>(NextRandom() >> 11) * 0x1.0p-53;
    const uint64_t pick = NextRandom();
    std::vector<FaultKind> applicable;
    for (FaultKind kind : kinds_) {
      if (FaultApplies(kind, endpoint)) applicable.push_back(kind);
    }
    if (u < rate_ && !applicable.empty()) {
      random = shape_;
      random->kind = applicable[pick % applicable.size()];
      random->path_prefix.clear();
    }
  }
  for (auto it = queue_.begin(); it != queue_.end(); ++it) {
    const std::string_view prefix = !it->path_prefix.empty()                  ? std::string_view(it->path_prefix)
                                    : it->kind == FaultKind::kInvalidGrant ? "/api/token"
                                                                            : "/v1/";
    if (path.substr(0, prefix.size()) != prefix || !FaultApplies(it->kind, endpoint)) continue;
    Fault fault = *it;
    if (--it->times <= 0) queue_.erase(it);
    return fault;
  }
  return random;
}

bool ShutdownConnection(int local_port, int remote_port) {
  // httplib hands handlers no socket, so find ours by its two ports among /proc/self/fd. The
  // client end of an in-process test has the same ports the other way round, so match both.
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", ec)) {
    const int fd = std::atoi(entry.path().filename().c_str());
    sockaddr_in local{}, peer{};
    socklen_t local_size = sizeof local, peer_size = sizeof peer;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_size) != 0 || local.sin_family != AF_INET) continue;
    if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_size) != 0) continue;
    if (ntohs(local.sin_port) == local_port && ntohs(peer.sin_port) == remote_port) {
      return shutdown(fd, SHUT_RDWR) == 0;
    }
  }
  return false;
}

}  // namespace uw::fakes
