// FakeSpotify: the HTTP server around the Service (fake_service.h). Only this file includes
// httplib; every request is answered by Service::Handle under one mutex, except that timeouts
// wait (interruptibly) and drops close the socket outside it.
#include "fakes/fake_spotify.h"

#include <httplib.h>
#include <signal.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/error.h"
#include "fakes/fake_service.h"

namespace uw::fakes {
namespace {

constexpr int kServerThreads = 16;  // timeouts hold a thread each; keep others answering

int64_t RealNowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

HttpRequest ToRequest(const httplib::Request& req) {
  HttpRequest request{req.method, req.path, "", {}, req.get_header_value("Authorization")};
  const size_t question = req.target.find('?');
  if (question != std::string::npos) request.query = req.target.substr(question + 1);
  request.params.insert(req.params.begin(), req.params.end());
  // Form bodies of /api/token, in case the server did not merge them into params.
  if (req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) == 0 &&
      !req.body.empty() && !request.params.count("grant_type")) {
    httplib::Params form;
    httplib::detail::parse_query_text(req.body, form);
    request.params.insert(form.begin(), form.end());
  }
  return request;
}

}  // namespace

class FakeSpotify::Impl {
 public:
  Impl() {
    server_.new_task_queue = [] { return new httplib::ThreadPool(kServerThreads); };
    server_.set_keep_alive_timeout(1);  // idle keep-alive connections must not delay the destructor
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) Fail(ErrorCode::kIo, "fake Spotify: cannot bind a port on 127.0.0.1");
    service_ = std::make_unique<Service>(fmt::format("http://127.0.0.1:{}", port_));
    service_->SetNowMs(RealNowMs());
    service_->accounts().AddClient(std::string(kClientId), std::string(kClientSecret));
    auto handler = [this](const httplib::Request& req, httplib::Response& res) { Serve(req, res); };
    server_.Get(".*", handler);
    server_.Post(".*", handler);
    server_.Put(".*", handler);
    server_.Delete(".*", handler);
    thread_ = std::thread([this] { Run(); });
    WaitUntilRunning();
  }

  ~Impl() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }

  int port() const { return port_; }

  // Runs `f(service)` under the mutex.
  template <typename F>
  auto With(F&& f) {
    std::lock_guard lock(mutex_);
    return f(*service_);
  }

 private:
  void Run() {
    // A client that hangs up makes the server's write raise SIGPIPE, which would kill the test
    // process; block it on this thread, whose mask the pool threads inherit.
    sigset_t pipe;
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe, nullptr);
    server_.listen_after_bind();
  }

  void WaitUntilRunning() {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!server_.is_running()) {
      if (std::chrono::steady_clock::now() > deadline) Fail(ErrorCode::kIo, "fake Spotify: server did not start");
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }

  void Serve(const httplib::Request& req, httplib::Response& res) {
    const HttpRequest request = ToRequest(req);
    const HttpResponse response = With([&](Service& service) { return service.Handle(request); });
    if (response.delay_ms > 0) {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, std::chrono::milliseconds(response.delay_ms), [this] { return stopping_; });
    }
    if (response.drop) {
      if (ShutdownConnection(req.local_port, req.remote_port)) return;
      // No socket found: fall back to a response cut short after its headers.
      res.set_content_provider(
          1024, "application/json", [](size_t, size_t, httplib::DataSink&) { return false; });
      return;
    }
    res.status = response.status;
    for (const auto& [name, value] : response.headers) res.set_header(name, value);
    res.set_content(response.body, response.content_type.c_str());
  }

  httplib::Server server_;
  int port_ = 0;
  std::unique_ptr<Service> service_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
};

FakeSpotify::FakeSpotify() : impl_(std::make_unique<Impl>()) {}
FakeSpotify::~FakeSpotify() = default;

int FakeSpotify::port() const { return impl_->port(); }
std::string FakeSpotify::api_url() const { return fmt::format("http://127.0.0.1:{}/v1", port()); }
std::string FakeSpotify::accounts_url() const { return fmt::format("http://127.0.0.1:{}", port()); }

void FakeSpotify::SetNowMs(int64_t now_ms) {
  impl_->With([&](Service& s) { s.SetNowMs(now_ms); });
}
void FakeSpotify::AdvanceMs(int64_t delta_ms) {
  impl_->With([&](Service& s) { s.SetNowMs(s.NowMs() + delta_ms); });
}
int64_t FakeSpotify::NowMs() const {
  return impl_->With([](Service& s) { return s.NowMs(); });
}

void FakeSpotify::AddClient(const std::string& client_id, const std::string& client_secret) {
  impl_->With([&](Service& s) { s.accounts().AddClient(client_id, client_secret); });
}
void FakeSpotify::SetUserDeclines(bool declines) {
  impl_->With([&](Service& s) { s.SetUserDeclines(declines); });
}
void FakeSpotify::SetRotateRefreshTokens(bool rotate) {
  impl_->With([&](Service& s) { s.accounts().SetRotateRefreshTokens(rotate); });
}
void FakeSpotify::SetRefreshTokenLifetimeMs(int64_t lifetime_ms) {
  impl_->With([&](Service& s) { s.accounts().SetRefreshTokenLifetimeMs(lifetime_ms); });
}
void FakeSpotify::RevokeRefreshTokens() {
  impl_->With([](Service& s) { s.accounts().RevokeRefreshTokens(); });
}
void FakeSpotify::ExpireAccessTokens() {
  impl_->With([](Service& s) { s.accounts().ExpireAccessTokens(); });
}
std::string FakeSpotify::IssueRefreshToken(std::string_view client_id, std::string_view scope) {
  return impl_->With([&](Service& s) {
    return s.accounts().IssueRefreshToken(std::string(client_id), std::string(scope), s.NowMs());
  });
}
std::string FakeSpotify::IssueAccessToken(std::string_view scope) {
  return impl_->With([&](Service& s) { return s.accounts().IssueAccessToken(std::string(scope), s.NowMs()); });
}

void FakeSpotify::AddTrack(TrackSpec track) {
  impl_->With([&](Service& s) { s.catalog().Add(std::move(track)); });
}
void FakeSpotify::AddArtist(ArtistSpec artist) {
  impl_->With([&](Service& s) { s.catalog().Add(std::move(artist)); });
}
void FakeSpotify::AddAlbum(AlbumSpec album) {
  impl_->With([&](Service& s) { s.catalog().Add(std::move(album)); });
}
void FakeSpotify::AddEpisode(EpisodeSpec episode) {
  impl_->With([&](Service& s) { s.catalog().Add(std::move(episode)); });
}
void FakeSpotify::AddShow(ShowSpec show) {
  impl_->With([&](Service& s) { s.catalog().Add(std::move(show)); });
}
void FakeSpotify::SetDevelopmentMode(bool on) {
  impl_->With([&](Service& s) { s.SetDevelopmentMode(on); });
}
void FakeSpotify::AddPlay(const std::string& track_id, int64_t played_at_ms, const std::string& context_uri,
                          std::optional<int64_t> visible_from_ms) {
  impl_->With([&](Service& s) {
    if (!s.catalog().FindTrack(track_id)) Fail(ErrorCode::kNotFound, "fake Spotify: AddPlay of unknown track {}", track_id);
    s.plays().Add(Play{track_id, played_at_ms, context_uri, visible_from_ms.value_or(played_at_ms)});
  });
}

void FakeSpotify::QueueFault(Fault fault) {
  impl_->With([&](Service& s) { s.faults().Queue(std::move(fault)); });
}
void FakeSpotify::ClearFaults() {
  impl_->With([](Service& s) { s.faults().Clear(); });
}
void FakeSpotify::SetRandomFaults(double rate, std::vector<FaultKind> kinds, uint64_t seed, Fault shape) {
  impl_->With([&](Service& s) { s.faults().SetRandom(rate, std::move(kinds), seed, std::move(shape)); });
}

int64_t FakeSpotify::TotalRequests() const {
  return impl_->With([](Service& s) { return static_cast<int64_t>(s.requests().size()); });
}
int64_t FakeSpotify::RequestCount(std::string_view path_prefix) const {
  return impl_->With([&](Service& s) {
    int64_t count = 0;
    for (const auto& r : s.requests()) count += r.path.compare(0, path_prefix.size(), path_prefix) == 0;
    return count;
  });
}
std::vector<RecordedRequest> FakeSpotify::Requests() const {
  return impl_->With([](Service& s) { return s.requests(); });
}
int64_t FakeSpotify::FaultsInjected(FaultKind kind) const {
  return impl_->With([&](Service& s) { return s.FaultsInjected(kind); });
}
int64_t FakeSpotify::SuccessfulFetches(std::string_view kind, std::string_view id) const {
  return impl_->With([&](Service& s) { return s.SuccessfulFetches(kind, id); });
}
int64_t FakeSpotify::TokenGrants(std::string_view grant_type) const {
  return impl_->With([&](Service& s) { return s.accounts().Grants(grant_type); });
}
std::vector<std::string> FakeSpotify::SearchQueries() const {
  return impl_->With([](Service& s) { return s.search_queries(); });
}

}  // namespace uw::fakes
