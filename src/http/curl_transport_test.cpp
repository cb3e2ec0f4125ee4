// The curl transport against a real HTTP server (cpp-httplib) on 127.0.0.1.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <thread>

#include "http/form.h"
#include "http/transport.h"

namespace uw::http {
namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Every byte value, in a pattern that does not repeat within a MiB.
std::string BinaryBody(size_t size) {
  std::string body(size, '\0');
  uint32_t state = 12345;
  for (char& c : body) {
    state = state * 1103515245u + 12345u;
    c = static_cast<char>(state >> 24);
  }
  return body;
}

class CurlTransportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.Get("/echo", [](const httplib::Request& req, httplib::Response& res) {
      res.set_header("X-Reply-Header", "yes");
      res.set_content("q=" + req.get_param_value("q") +
                          ";x-test=" + req.get_header_value("X-Test") + ";method=" + req.method,
                      "text/plain");
    });
    server_.Post("/form", [](const httplib::Request& req, httplib::Response& res) {
      res.status = 201;
      res.set_content(req.get_header_value("Content-Type") + "|" + req.body, "text/plain");
    });
    server_.Get("/slow", [](const httplib::Request&, httplib::Response& res) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1500));
      res.set_content("late", "text/plain");
    });
    server_.Get("/big", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(BinaryBody(1 << 20), "application/octet-stream");
    });
    server_.Get("/text", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string(100000, 'a'), "text/plain");
    });
    server_.Get("/port", [](const httplib::Request& req, httplib::Response& res) {
      res.set_content(std::to_string(req.remote_port), "text/plain");
    });
    server_.Get("/missing", [](const httplib::Request&, httplib::Response& res) {
      res.status = 404;
      res.set_content(R"({"error":{"status":404}})", "application/json");
    });
    server_.Get("/moved",
                [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/echo"); });
    port_ = server_.bind_to_any_port("127.0.0.1");
    ASSERT_GT(port_, 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }

  void TearDown() override {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }

  std::string Url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

TEST_F(CurlTransportTest, GetWithQueryAndHeaders) {
  auto transport = MakeCurlTransport();
  Request request;
  request.url = WithQuery(Url("/echo"), {{"q", "a b&c=é"}});
  request.headers.push_back({"X-Test", "hello"});
  Response response = transport->Send(request);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "q=a b&c=é;x-test=hello;method=GET");
}

TEST_F(CurlTransportTest, ResponseHeadersAreFoundCaseInsensitively) {
  auto transport = MakeCurlTransport();
  Response response = transport->Send(Request{"GET", Url("/echo"), {}, ""});
  EXPECT_EQ(response.header("x-reply-header"), "yes");
  EXPECT_EQ(response.header("X-REPLY-HEADER"), "yes");
  EXPECT_EQ(response.header("content-type"), "text/plain");
  EXPECT_FALSE(response.header("x-absent").has_value());
}

TEST_F(CurlTransportTest, PostFormBody) {
  auto transport = MakeCurlTransport();
  Request request;
  request.method = "POST";
  request.url = Url("/form");
  request.headers.push_back({"Content-Type", "application/x-www-form-urlencoded"});
  request.body = FormBody({{"grant_type", "refresh_token"}, {"refresh_token", "r/t+1"}});
  Response response = transport->Send(request);
  EXPECT_EQ(response.status, 201);
  EXPECT_EQ(response.body,
            "application/x-www-form-urlencoded|grant_type=refresh_token&refresh_token=r%2Ft%2B1");
}

TEST_F(CurlTransportTest, ErrorStatusesAndRedirectsAreReturnedNotFollowed) {
  auto transport = MakeCurlTransport();
  Response missing = transport->Send(Request{"GET", Url("/missing"), {}, ""});
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.body, R"({"error":{"status":404}})");
  Response moved = transport->Send(Request{"GET", Url("/moved"), {}, ""});
  EXPECT_EQ(moved.status, 302);
  EXPECT_TRUE(moved.header("Location").has_value());
}

TEST_F(CurlTransportTest, SlowServerTimesOut) {
  TransportOptions options;
  options.timeout_ms = 300;
  auto transport = MakeCurlTransport(options);
  try {
    transport->Send(Request{"GET", Url("/slow?token=SECRETVALUE123"), {}, ""});
    FAIL() << "expected NetworkError";
  } catch (const NetworkError& e) {
    std::string message = e.what();
    EXPECT_EQ(e.code(), ErrorCode::kIo);
    EXPECT_NE(Lower(message).find("timeout"), std::string::npos) << message;
    EXPECT_NE(message.find("127.0.0.1"), std::string::npos) << message;
    EXPECT_EQ(message.find("SECRETVALUE123"), std::string::npos) << message;
  }
}

TEST_F(CurlTransportTest, ClosedPortIsANetworkError) {
  // A port that was free a moment ago and has nobody listening.
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
  socklen_t length = sizeof(address);
  ASSERT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length), 0);
  ::close(fd);
  std::string url =
      "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "/x?code=SECRETCODE999";

  auto transport = MakeCurlTransport();
  try {
    transport->Send(Request{"GET", url, {}, ""});
    FAIL() << "expected NetworkError";
  } catch (const NetworkError& e) {
    std::string message = e.what();
    EXPECT_NE(message.find("127.0.0.1"), std::string::npos) << message;
    EXPECT_EQ(message.find("SECRETCODE999"), std::string::npos) << message;
  }
}

TEST_F(CurlTransportTest, OneMebibyteBodyArrivesIntact) {
  auto transport = MakeCurlTransport();
  Response response = transport->Send(Request{"GET", Url("/big"), {}, ""});
  EXPECT_EQ(response.status, 200);
  ASSERT_EQ(response.body.size(), size_t{1} << 20);
  EXPECT_TRUE(response.body == BinaryBody(1 << 20));
}

TEST_F(CurlTransportTest, GzipIsAcceptedAndDecoded) {
  auto transport = MakeCurlTransport();
  Response response = transport->Send(Request{"GET", Url("/text"), {}, ""});
  EXPECT_EQ(response.header("Content-Encoding"), "gzip");
  EXPECT_TRUE(response.body == std::string(100000, 'a'));
}

TEST_F(CurlTransportTest, ConnectionIsKeptAliveAcrossRequests) {
  auto transport = MakeCurlTransport();
  std::string first = transport->Send(Request{"GET", Url("/port"), {}, ""}).body;
  std::string second = transport->Send(Request{"GET", Url("/port"), {}, ""}).body;
  EXPECT_EQ(first, second);  // same client port: the same TCP connection
  // A second transport has its own connection, so the check above can tell the difference.
  auto other = MakeCurlTransport();
  EXPECT_NE(other->Send(Request{"GET", Url("/port"), {}, ""}).body, first);
}

}  // namespace
}  // namespace uw::http
