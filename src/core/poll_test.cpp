// PollUntil: succeeds as soon as an attempt does, gives up at the deadline after at least one
// attempt, and says once that it waits. No timing asserts: tries are counted.
#include "core/poll.h"

#include <gtest/gtest.h>

namespace uw::core {
namespace {

using std::chrono::hours;
using std::chrono::milliseconds;

TEST(PollUntil, StopsAtTheFirstSuccessAndSaysOnceThatItWaits) {
  int tries = 0, told = 0;
  EXPECT_TRUE(PollUntil([&] { return ++tries == 3; }, hours(1), milliseconds(0), [&] { ++told; }));
  EXPECT_EQ(tries, 3);
  EXPECT_EQ(told, 1);
}

TEST(PollUntil, ASuccessAtOnceNeverWaits) {
  int told = 0;
  EXPECT_TRUE(PollUntil([] { return true; }, milliseconds(0), milliseconds(0), [&] { ++told; }));
  EXPECT_EQ(told, 0);
}

TEST(PollUntil, NoWaitTriesOnceAndGivesUp) {
  int tries = 0, told = 0;
  EXPECT_FALSE(PollUntil([&] { ++tries; return false; }, milliseconds(0), milliseconds(5),
                         [&] { ++told; }));
  EXPECT_EQ(tries, 1);
  EXPECT_EQ(told, 0);
}

TEST(PollUntil, GivesUpAtTheDeadline) {
  int tries = 0;
  EXPECT_FALSE(PollUntil([&] { ++tries; return false; }, milliseconds(30), milliseconds(1)));
  EXPECT_GE(tries, 2);
}

}  // namespace
}  // namespace uw::core
