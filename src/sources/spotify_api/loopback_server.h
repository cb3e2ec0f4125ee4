// The short-lived HTTP server that receives the browser's redirect at the end of the Spotify
// sign-in: http://127.0.0.1:PORT/callback?code=..&state=.. (or ?error=access_denied&state=..).
// It listens on the loopback address only, answers the one callback with a small page, and stops.
// Thread safety: construct, read port(), and WaitForCode from one thread; requests are served
// on the server's own thread.
#pragma once

#include <chrono>
#include <memory>
#include <string>

namespace uw::spotify_api {

inline constexpr std::chrono::milliseconds kDefaultCallbackTimeout = std::chrono::minutes(5);

class LoopbackServer {
 public:
  // Listens on 127.0.0.1:`port` (0 = any free port) and starts serving. `expected_state` is the
  // state sent in the authorize URL. Throws Error(kUsage) when the port is taken (the message
  // suggests --port), Error(kIo) when listening fails otherwise.
  LoopbackServer(int port, std::string expected_state);
  ~LoopbackServer();  // stops the server
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  int port() const;
  // "http://127.0.0.1:PORT/callback" with the bound port.
  std::string redirect_uri() const;

  // Waits for the callback and returns the authorization code (registered as a secret). Throws
  // Error(kInput) when the user declined (access_denied) or Spotify reported another error, when
  // the state does not match (an old tab or a forged request) or the code is missing;
  // Error(kIo) when no callback came within `timeout`. Other paths (favicon.ico) get a 404 and
  // the wait goes on. The server stops before this returns.
  std::string WaitForCode(std::chrono::milliseconds timeout = kDefaultCallbackTimeout);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace uw::spotify_api
