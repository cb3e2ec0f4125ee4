// The boundary to the network: one request in, one response out. MakeCurlTransport is the only
// implementation that touches the network (curl_transport.cpp is the only file that includes
// libcurl); tests script their own Transport. A Transport does not retry; Client does.
// Thread safety: one Transport per thread (the curl one reuses a single connection).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/error.h"
#include "core/version.h"
#include "http/request.h"

namespace uw::http {

// The request never produced an HTTP response: connection refused, DNS failure, timeout, TLS
// failure, connection reset. The message names the host and the reason, never a token or a
// query value.
class NetworkError : public uw::Error {
 public:
  explicit NetworkError(const std::string& message) : uw::Error(ErrorCode::kIo, message) {}
};

class Transport {
 public:
  virtual ~Transport();
  // Sends `request` and returns whatever status the server answered with (including 4xx/5xx).
  // Throws NetworkError when no response arrived.
  virtual Response Send(const Request& request) = 0;
};

struct TransportOptions {
  int64_t timeout_ms = 30000;  // whole request, connect + transfer
  int64_t connect_timeout_ms = 10000;
  std::string user_agent = std::string("unwrapped/") + uw::kVersion;
};

// A libcurl transport: keeps one connection alive across requests, follows no redirects,
// accepts gzip, and never uses signals (safe in threads).
std::unique_ptr<Transport> MakeCurlTransport(TransportOptions options = {});

}  // namespace uw::http
