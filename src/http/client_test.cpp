#include "http/client.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <deque>
#include <set>
#include <sstream>
#include <variant>

namespace uw::http {
namespace {

constexpr int64_t kStartMs = 1'700'000'000'000;  // 2023-11-14T22:13:20Z, a Tuesday

// A Transport that plays back a script: each step is a response or a network failure.
class ScriptedTransport : public Transport {
 public:
  struct Fail {
    std::string reason;
  };
  using Step = std::variant<Response, Fail>;

  void Add(Response response) { script_.push_back(std::move(response)); }
  void AddStatus(int status, std::vector<Header> headers = {}, std::string body = "") {
    Add(Response{status, std::move(headers), std::move(body)});
  }
  void AddNetworkError(std::string reason) { script_.push_back(Fail{std::move(reason)}); }

  Response Send(const Request& request) override {
    sent.push_back(request);
    if (script_.empty()) throw std::logic_error("the client sent more requests than scripted");
    Step step = std::move(script_.front());
    script_.pop_front();
    if (auto* fail = std::get_if<Fail>(&step)) throw NetworkError(fail->reason);
    return std::get<Response>(std::move(step));
  }

  std::vector<Request> sent;

 private:
  std::deque<Step> script_;
};

RetryPolicy TestPolicy() {
  RetryPolicy policy;
  policy.max_attempts = 5;
  policy.base_delay_ms = 1000;
  policy.max_delay_ms = 60000;
  policy.max_wait_ms = 300000;
  policy.jitter_seed = 42;
  return policy;
}

Request Get(std::string url = "https://api.spotify.com/v1/tracks/abc") {
  Request request;
  request.url = std::move(url);
  return request;
}

class ClientTest : public ::testing::Test {
 protected:
  ScriptedTransport transport;
  FakeClock clock{kStartMs};
};

TEST_F(ClientTest, ServerErrorsAreRetriedWithJitteredBackoffThenSucceed) {
  transport.AddStatus(500);
  transport.AddStatus(502);
  transport.AddStatus(200, {}, "ok");
  Client client(transport, clock, TestPolicy());

  Response response = client.Send(Get());

  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "ok");
  EXPECT_EQ(client.requests_sent(), 3);
  EXPECT_EQ(client.retries(), 2);
  std::vector<int64_t> sleeps = clock.sleeps_ms();
  ASSERT_EQ(sleeps.size(), 2u);
  EXPECT_GE(sleeps[0], 0);
  EXPECT_LE(sleeps[0], 1000);  // retry 0: [0, base]
  EXPECT_GE(sleeps[1], 0);
  EXPECT_LE(sleeps[1], 2000);  // retry 1: [0, 2 * base]
}

TEST_F(ClientTest, BackoffIsFullJitterAcrossSeeds) {
  // Full jitter: the first wait is anywhere in [0, base], not a fixed step.
  std::set<int64_t> first_waits;
  for (uint64_t seed = 1; seed <= 40; ++seed) {
    ScriptedTransport scripted;
    scripted.AddStatus(503);
    scripted.AddStatus(200);
    FakeClock fake(kStartMs);
    RetryPolicy policy = TestPolicy();
    policy.jitter_seed = seed;
    Client(scripted, fake, policy).Send(Get());
    ASSERT_EQ(fake.sleeps_ms().size(), 1u);
    int64_t wait = fake.sleeps_ms()[0];
    EXPECT_GE(wait, 0);
    EXPECT_LE(wait, 1000);
    first_waits.insert(wait);
  }
  EXPECT_GT(first_waits.size(), 10u);
}

TEST_F(ClientTest, BackoffIsCappedAtMaxDelay) {
  RetryPolicy policy = TestPolicy();
  policy.max_attempts = 8;
  policy.base_delay_ms = 1000;
  policy.max_delay_ms = 3000;
  for (int i = 0; i < 7; ++i) transport.AddStatus(500);
  transport.AddStatus(200);
  Client client(transport, clock, policy);
  EXPECT_EQ(client.Send(Get()).status, 200);
  ASSERT_EQ(clock.sleeps_ms().size(), 7u);
  for (int64_t wait : clock.sleeps_ms()) {
    EXPECT_GE(wait, 0);
    EXPECT_LE(wait, 3000);
  }
}

TEST_F(ClientTest, NetworkErrorsExhaustedThrowRequestFailed) {
  for (int i = 0; i < 5; ++i) transport.AddNetworkError("GET api.spotify.com: Couldn't connect");
  Client client(transport, clock, TestPolicy());
  try {
    client.Send(Get());
    FAIL() << "expected RequestFailed";
  } catch (const RequestFailed& e) {
    EXPECT_EQ(e.attempts(), 5);
    EXPECT_EQ(e.last_status(), 0);
    EXPECT_EQ(e.code(), ErrorCode::kIo);
    EXPECT_NE(std::string(e.what()).find("Couldn't connect"), std::string::npos) << e.what();
  }
  EXPECT_EQ(transport.sent.size(), 5u);
  EXPECT_EQ(clock.sleeps_ms().size(), 4u);  // no sleep after the last try
}

TEST_F(ClientTest, ServerErrorsExhaustedReportTheLastStatus) {
  transport.AddNetworkError("reset");
  transport.AddStatus(500);
  transport.AddStatus(504);
  RetryPolicy policy = TestPolicy();
  policy.max_attempts = 3;
  Client client(transport, clock, policy);
  try {
    client.Send(Get());
    FAIL() << "expected RequestFailed";
  } catch (const RequestFailed& e) {
    EXPECT_EQ(e.attempts(), 3);
    EXPECT_EQ(e.last_status(), 504);
  }
}

TEST_F(ClientTest, ClientErrorsAreReturnedAsIsAndNeverRetried) {
  for (int status : {400, 401, 403, 404}) {
    ScriptedTransport scripted;
    scripted.AddStatus(status, {{"Content-Type", "application/json"}}, R"({"error":"x"})");
    FakeClock fake(kStartMs);
    Client client(scripted, fake, TestPolicy());
    Response response = client.Send(Get());
    EXPECT_EQ(response.status, status);
    EXPECT_EQ(response.body, R"({"error":"x"})");
    EXPECT_EQ(client.requests_sent(), 1);
    EXPECT_EQ(client.retries(), 0);
    EXPECT_TRUE(fake.sleeps_ms().empty());
  }
}

TEST_F(ClientTest, RateLimitHonoursRetryAfterSeconds) {
  transport.AddStatus(429, {{"retry-after", "3"}});
  transport.AddStatus(200);
  Client client(transport, clock, TestPolicy());
  EXPECT_EQ(client.Send(Get()).status, 200);
  ASSERT_EQ(clock.sleeps_ms().size(), 1u);
  EXPECT_GE(clock.sleeps_ms()[0], 3000);
  EXPECT_LE(clock.sleeps_ms()[0], 3250);
  EXPECT_EQ(client.retries(), 1);
}

TEST_F(ClientTest, RateLimitHonoursRetryAfterHttpDate) {
  transport.AddStatus(429, {{"Retry-After", "Tue, 14 Nov 2023 22:13:25 GMT"}});  // start + 5 s
  transport.AddStatus(200);
  Client client(transport, clock, TestPolicy());
  EXPECT_EQ(client.Send(Get()).status, 200);
  ASSERT_EQ(clock.sleeps_ms().size(), 1u);
  EXPECT_GE(clock.sleeps_ms()[0], 5000);
  EXPECT_LE(clock.sleeps_ms()[0], 5250);
}

TEST_F(ClientTest, RateLimitWithoutRetryAfterFollowsTheBackoffSchedule) {
  transport.AddStatus(429);
  transport.AddStatus(200);
  Client client(transport, clock, TestPolicy());
  EXPECT_EQ(client.Send(Get()).status, 200);
  ASSERT_EQ(clock.sleeps_ms().size(), 1u);
  EXPECT_LE(clock.sleeps_ms()[0], 1000 + 250);
}

TEST_F(ClientTest, ServiceUnavailableWithRetryAfterIsHonoured) {
  transport.AddStatus(503, {{"Retry-After", "2"}});
  transport.AddStatus(200);
  Client client(transport, clock, TestPolicy());
  EXPECT_EQ(client.Send(Get()).status, 200);
  ASSERT_EQ(clock.sleeps_ms().size(), 1u);
  EXPECT_GE(clock.sleeps_ms()[0], 2000);
  EXPECT_LE(clock.sleeps_ms()[0], 2250);
}

TEST_F(ClientTest, RetryAfterBeyondMaxWaitStopsTheRunWithoutSleeping) {
  transport.AddStatus(429, {{"Retry-After", "74214"}});
  Client client(transport, clock, TestPolicy());
  try {
    client.Send(Get());
    FAIL() << "expected StopRun";
  } catch (const StopRun& e) {
    EXPECT_EQ(e.reason(), StopRun::Reason::kRateLimited);
    ASSERT_TRUE(e.resume_at_ms().has_value());
    EXPECT_EQ(*e.resume_at_ms(), kStartMs + 74214 * 1000);
    std::string message = e.what();
    EXPECT_NE(message.find("74214 s"), std::string::npos) << message;
    EXPECT_NE(message.find("300 s"), std::string::npos) << message;
    // 22:13:20 + 20:36:54 = next day 18:50:14.
    EXPECT_NE(message.find("resume after 2023-11-15T18:50:14Z"), std::string::npos) << message;
  }
  EXPECT_TRUE(clock.sleeps_ms().empty());
  EXPECT_EQ(transport.sent.size(), 1u);
}

TEST_F(ClientTest, QuotaExceededIsToldApartFromRateLimiting) {
  transport.AddStatus(
      429, {{"Retry-After", "3"}},
      R"({"error":{"status":429,"message":"Too many requests","reason":"QUOTA_EXCEEDED"}})");
  Client client(transport, clock, TestPolicy());
  try {
    client.Send(Get());
    FAIL() << "expected StopRun";
  } catch (const StopRun& e) {
    EXPECT_EQ(e.reason(), StopRun::Reason::kQuotaExceeded);
    ASSERT_TRUE(e.resume_at_ms().has_value());
    EXPECT_EQ(*e.resume_at_ms(), kStartMs + 3000);
  }
  EXPECT_TRUE(clock.sleeps_ms().empty());  // a short Retry-After does not make quota come back
  EXPECT_EQ(transport.sent.size(), 1u);
}

TEST_F(ClientTest, QuotaWordOutsideTheReasonFieldIsAPlainRateLimit) {
  transport.AddStatus(429, {{"Retry-After", "1"}},
                      R"({"error":{"status":429,"message":"not QUOTA_EXCEEDED"}})");
  transport.AddStatus(200);
  Client client(transport, clock, TestPolicy());
  EXPECT_EQ(client.Send(Get()).status, 200);
}

TEST_F(ClientTest, RepeatedRateLimitsStopTheRun) {
  RetryPolicy policy = TestPolicy();
  policy.max_attempts = 3;
  for (int i = 0; i < 3; ++i) transport.AddStatus(429, {{"Retry-After", "10"}});
  Client client(transport, clock, policy);
  try {
    client.Send(Get());
    FAIL() << "expected StopRun";
  } catch (const StopRun& e) {
    EXPECT_EQ(e.reason(), StopRun::Reason::kRateLimited);
    ASSERT_TRUE(e.resume_at_ms().has_value());
    EXPECT_EQ(*e.resume_at_ms(), clock.NowMs() + 10000);
  }
  EXPECT_EQ(transport.sent.size(), 3u);
  EXPECT_EQ(clock.sleeps_ms().size(), 2u);
}

TEST_F(ClientTest, BudgetStopsTheRunAfterExactlyNRequests) {
  RetryPolicy policy = TestPolicy();
  policy.max_requests = 3;
  for (int i = 0; i < 3; ++i) transport.AddStatus(200);
  Client client(transport, clock, policy);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(client.Send(Get()).status, 200);
  try {
    client.Send(Get());
    FAIL() << "expected StopRun";
  } catch (const StopRun& e) {
    EXPECT_EQ(e.reason(), StopRun::Reason::kBudgetSpent);
    EXPECT_FALSE(e.resume_at_ms().has_value());
  }
  EXPECT_EQ(transport.sent.size(), 3u);
  EXPECT_EQ(client.requests_sent(), 3);
}

TEST_F(ClientTest, RetriesCountAgainstTheBudget) {
  RetryPolicy policy = TestPolicy();
  policy.max_requests = 2;
  for (int i = 0; i < 2; ++i) transport.AddStatus(500);
  Client client(transport, clock, policy);
  try {
    client.Send(Get());
    FAIL() << "expected StopRun";
  } catch (const StopRun& e) {
    EXPECT_EQ(e.reason(), StopRun::Reason::kBudgetSpent);
  }
  EXPECT_EQ(transport.sent.size(), 2u);
  EXPECT_EQ(clock.sleeps_ms().size(), 1u);  // no wait for a retry that cannot be sent
}

TEST_F(ClientTest, OneDebugLinePerAttemptWithoutSecrets) {
  std::ostringstream captured;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(captured);
  sink->set_pattern("%v");
  auto previous = spdlog::default_logger();
  auto logger = std::make_shared<spdlog::logger>("capture", sink);
  logger->set_level(spdlog::level::debug);
  spdlog::set_default_logger(logger);

  transport.AddStatus(500);
  transport.AddStatus(200, {}, "SECRET_BODY_TOKEN");
  Client client(transport, clock, TestPolicy());
  Request request = Get("https://accounts.example/cb?code=SECRET_AUTH_CODE&state=visible");
  request.headers.push_back({"Authorization", "Bearer SECRET_BEARER_TOKEN"});
  client.Send(request);
  spdlog::set_default_logger(previous);

  std::string log = captured.str();
  EXPECT_EQ(std::count(log.begin(), log.end(), '\n'), 2) << log;
  EXPECT_NE(log.find("GET https://accounts.example/cb?code=<redacted>&state=visible -> 500"),
            std::string::npos)
      << log;
  EXPECT_NE(log.find("-> 200"), std::string::npos) << log;
  EXPECT_EQ(log.find("SECRET"), std::string::npos) << log;
}

}  // namespace
}  // namespace uw::http
