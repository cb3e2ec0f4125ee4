#include "sources/spotify_api/loopback_server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <future>

#include "core/error.h"
#include "sources/spotify_api/test_support.h"

namespace uw::spotify_api {
namespace {

using namespace std::chrono_literals;

// Sends the browser's GET to the server from another thread; returns status and body.
std::future<std::pair<int, std::string>> Visit(int port, std::string path) {
  return std::async(std::launch::async, [port, path] {
    httplib::Client client("127.0.0.1", port);
    auto res = client.Get(path.c_str());
    if (!res) return std::make_pair(0, std::string());
    return std::make_pair(res->status, res->body);
  });
}

TEST(LoopbackServer, AnyFreePortAndRedirectUri) {
  LoopbackServer server(0, "state-1");
  EXPECT_GT(server.port(), 0);
  EXPECT_EQ(server.redirect_uri(),
            "http://127.0.0.1:" + std::to_string(server.port()) + "/callback");
}

TEST(LoopbackServer, ReturnsTheCodeAndAnswersWithAPage) {
  LoopbackServer server(0, "state-1");
  auto visit = Visit(server.port(), "/callback?code=the-code-123&state=state-1");
  EXPECT_EQ(server.WaitForCode(10s), "the-code-123");
  const auto [status, body] = visit.get();
  EXPECT_EQ(status, 200);
  EXPECT_NE(body.find("you can close this tab"), std::string::npos);
  EXPECT_NE(body.find("<html"), std::string::npos);
  EXPECT_EQ(body.find("the-code-123"), std::string::npos);
}

TEST(LoopbackServer, StateMismatchIsRejected) {
  LoopbackServer server(0, "state-1");
  auto visit = Visit(server.port(), "/callback?code=c0de-value&state=forged");
  std::string message;
  EXPECT_EQ(test::ThrownCode([&] { server.WaitForCode(10s); }, &message), ErrorCode::kInput);
  EXPECT_NE(message.find("state"), std::string::npos);
  EXPECT_EQ(visit.get().first, 400);
}

TEST(LoopbackServer, MissingStateIsRejected) {
  LoopbackServer server(0, "state-1");
  auto visit = Visit(server.port(), "/callback?code=c0de-value");
  EXPECT_EQ(test::ThrownCode([&] { server.WaitForCode(10s); }), ErrorCode::kInput);
  EXPECT_EQ(visit.get().first, 400);
}

TEST(LoopbackServer, AccessDeniedSaysTheUserDeclined) {
  LoopbackServer server(0, "state-1");
  auto visit = Visit(server.port(), "/callback?error=access_denied&state=state-1");
  std::string message;
  EXPECT_EQ(test::ThrownCode([&] { server.WaitForCode(10s); }, &message), ErrorCode::kInput);
  EXPECT_NE(message.find("declined"), std::string::npos) << message;
  const auto [status, body] = visit.get();
  EXPECT_EQ(status, 400);
  EXPECT_NE(body.find("declined"), std::string::npos);
}

TEST(LoopbackServer, OtherErrorsAreReportedSafely) {
  LoopbackServer server(0, "state-1");
  auto visit = Visit(server.port(), "/callback?error=%3Cscript%3Ebad%0A&state=state-1");
  std::string message;
  EXPECT_EQ(test::ThrownCode([&] { server.WaitForCode(10s); }, &message), ErrorCode::kInput);
  EXPECT_EQ(message.find('\n'), std::string::npos);
  const auto body = visit.get().second;
  EXPECT_EQ(body.find("<script>"), std::string::npos);
  EXPECT_NE(body.find("&lt;script&gt;"), std::string::npos);
}

TEST(LoopbackServer, OtherPathsDoNotEndTheWait) {
  LoopbackServer server(0, "state-1");
  EXPECT_EQ(Visit(server.port(), "/favicon.ico").get().first, 404);
  auto visit = Visit(server.port(), "/callback?code=abc-123456&state=state-1");
  EXPECT_EQ(server.WaitForCode(10s), "abc-123456");
  EXPECT_EQ(visit.get().first, 200);
}

TEST(LoopbackServer, TimesOutWithoutACallback) {
  LoopbackServer server(0, "state-1");
  std::string message;
  EXPECT_EQ(test::ThrownCode([&] { server.WaitForCode(50ms); }, &message), ErrorCode::kIo);
  EXPECT_NE(message.find("auth spotify"), std::string::npos);
}

TEST(LoopbackServer, StopsServingAfterTheCallback) {
  LoopbackServer server(0, "state-1");
  auto visit = Visit(server.port(), "/callback?code=abc-123456&state=state-1");
  server.WaitForCode(10s);
  visit.get();
  EXPECT_EQ(Visit(server.port(), "/callback?code=again&state=state-1").get().first, 0);
}

TEST(LoopbackServer, PortInUseIsAUsageError) {
  LoopbackServer first(0, "s");
  std::string message;
  EXPECT_EQ(test::ThrownCode([&] { LoopbackServer second(first.port(), "s"); }, &message), ErrorCode::kUsage);
  EXPECT_NE(message.find("--port"), std::string::npos);
}

TEST(LoopbackServer, ImmediateDestructionDoesNotHang) {
  for (int i = 0; i < 5; ++i) LoopbackServer server(0, "s");
}

}  // namespace
}  // namespace uw::spotify_api
