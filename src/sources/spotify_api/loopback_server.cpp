#include "sources/spotify_api/loopback_server.h"

#include <fmt/format.h>
#include <httplib.h>
#include <spdlog/spdlog.h>

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "core/error.h"
#include "core/secrets.h"
#include "core/text.h"

namespace uw::spotify_api {
namespace {

// The outcome of the callback: a code, or the error to throw (kind and message).
struct Outcome {
  std::string code;
  std::optional<Error> error;
};

// Self-contained (no external resources): the browser may be offline from our point of view.
std::string Page(std::string_view title, std::string_view text) {
  return fmt::format(
      "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{0}</title>"
      "<style>body{{font-family:system-ui,sans-serif;max-width:32em;margin:4em auto;padding:0 1em;"
      "color:#222}}h1{{font-size:1.4em}}</style></head><body><h1>{0}</h1><p>{1}</p></body></html>",
      core::EscapeHtml(title), core::EscapeHtml(text));
}

// A value from the query string for a message: it comes from whoever made the request, so it
// is cut short and reduced to printable ASCII.
std::string Printable(std::string_view value) {
  std::string out;
  for (char c : value.substr(0, 80)) out += (c >= 0x20 && c < 0x7f) ? c : '?';
  return out;
}

Outcome Interpret(const httplib::Request& req, const std::string& expected_state) {
  Outcome outcome;
  const std::string state = req.get_param_value("state");
  if (state != expected_state) {
    outcome.error =
        Error(ErrorCode::kInput,
              "the sign-in callback carried a state that does not belong to this sign-in "
              "(an old browser tab, or a request not made by Spotify): run `unwrapped auth "
              "spotify` again and use the new link");
    return outcome;
  }
  if (req.has_param("error")) {
    const std::string error = req.get_param_value("error");
    outcome.error =
        Error(ErrorCode::kInput,
              error == "access_denied"
                  ? std::string("the Spotify sign-in was declined (access_denied); nothing "
                                "was saved. Run `unwrapped auth spotify` again and choose "
                                "Agree to allow reading your recently played tracks")
                  : fmt::format("Spotify refused the sign-in: {}", Printable(error)));
    return outcome;
  }
  outcome.code = req.get_param_value("code");
  if (outcome.code.empty()) {
    outcome.error =
        Error(ErrorCode::kInput, "the sign-in callback carried neither a code nor an error");
  }
  return outcome;
}

}  // namespace

struct LoopbackServer::State {
  httplib::Server server;
  std::string expected_state;
  int port = 0;
  std::thread thread;
  std::mutex mutex;
  std::condition_variable done;
  std::optional<Outcome> outcome;

  void Stop() {
    server.stop();
    if (thread.joinable()) thread.join();
  }
};

LoopbackServer::LoopbackServer(int port, std::string expected_state)
    : state_(std::make_unique<State>()) {
  State& s = *state_;
  s.expected_state = std::move(expected_state);
  // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, which would let a second process
  // listen on the same port and receive the callback (and hides "port in use").
  s.server.set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  // One request per connection: the browser's keep-alive must not hold the server open.
  s.server.set_keep_alive_max_count(1);
  s.server.Get("/callback", [&s](const httplib::Request& req, httplib::Response& res) {
    Outcome outcome = Interpret(req, s.expected_state);
    if (!outcome.code.empty()) core::RegisterSecret(outcome.code);
    if (outcome.error) {
      res.status = 400;
      res.set_content(
          Page("Sign-in failed", std::string(outcome.error->what()) + " You can close this tab."),
          "text/html; charset=utf-8");
    } else {
      res.set_content(
          Page("Signed in \xE2\x80\x94 you can close this tab",
               "Unwrapped received your Spotify sign-in. The terminal shows where it was saved."),
          "text/html; charset=utf-8");
    }
    std::lock_guard lock(s.mutex);
    if (!s.outcome) s.outcome = std::move(outcome);
    s.done.notify_all();
  });
  if (port == 0) {
    s.port = s.server.bind_to_any_port("127.0.0.1");
  } else if (s.server.bind_to_port("127.0.0.1", port)) {
    s.port = port;
  } else {
    Fail(
        ErrorCode::kUsage,
        "cannot listen on 127.0.0.1:{} for the sign-in callback (in use?): pass --port with a free "
        "port registered as a redirect URI of your Spotify app, or stop what uses it",
        port);
  }
  if (s.port <= 0) Fail(ErrorCode::kIo, "cannot listen on 127.0.0.1 for the sign-in callback");
  s.thread = std::thread([&s] { s.server.listen_after_bind(); });
  // stop() is a no-op until the loop runs; waiting here makes an early destruction safe.
  for (int i = 0; i < 5000 && !s.server.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

LoopbackServer::~LoopbackServer() { state_->Stop(); }

int LoopbackServer::port() const { return state_->port; }

std::string LoopbackServer::redirect_uri() const {
  return fmt::format("http://127.0.0.1:{}/callback", state_->port);
}

std::string LoopbackServer::WaitForCode(std::chrono::milliseconds timeout) {
  State& s = *state_;
  std::optional<Outcome> outcome;
  {
    std::unique_lock lock(s.mutex);
    s.done.wait_for(lock, timeout, [&s] { return s.outcome.has_value(); });
    outcome = s.outcome;
  }
  // The handler has written its page by the time the server's worker threads are joined.
  s.Stop();
  if (!outcome) {
    Fail(ErrorCode::kIo, "no sign-in arrived at {} within {} s: run `unwrapped auth spotify` again",
         redirect_uri(), timeout.count() / 1000);
  }
  if (outcome->error) throw *outcome->error;
  return outcome->code;
}

}  // namespace uw::spotify_api
