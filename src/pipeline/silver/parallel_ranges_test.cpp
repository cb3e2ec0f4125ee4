// RunConcurrently: both steps run to their end, and the helper's error is the one rethrown (a
// caller waiting for the helper fails because of it).
#include "pipeline/silver/parallel_ranges.h"

#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <stdexcept>
#include <string>

namespace uw::silver {
namespace {

TEST(RunConcurrently, RunsBothSteps) {
  std::atomic<int> ran{0};
  RunConcurrently([&] { ran += 1; }, [&] { ran += 2; });
  EXPECT_EQ(ran, 3);
}

std::string Thrown(const std::function<void()>& on_caller, const std::function<void()>& on_helper) {
  try {
    RunConcurrently(on_caller, on_helper);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

TEST(RunConcurrently, RethrowsTheHelpersErrorFirst) {
  std::atomic<bool> caller_finished{false}, helper_finished{false};
  const auto fail = [](const char* what) { throw std::runtime_error(what); };
  EXPECT_EQ(Thrown([&] { fail("caller"); }, [&] { fail("helper"); }), "helper");
  EXPECT_EQ(Thrown([&] { fail("caller"); }, [&] { helper_finished = true; }), "caller");
  EXPECT_TRUE(helper_finished);  // waited for, though the caller failed
  EXPECT_EQ(Thrown([&] { caller_finished = true; }, [&] { fail("helper"); }), "helper");
  EXPECT_TRUE(caller_finished);
  EXPECT_EQ(Thrown([] {}, [] {}), "");
}

}  // namespace
}  // namespace uw::silver
