#include "http/clock.h"

#include <chrono>
#include <thread>

namespace uw::http {
namespace {

class WallClock : public Clock {
 public:
  int64_t NowMs() override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
  void SleepMs(int64_t duration_ms) override {
    if (duration_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(duration_ms));
  }
};

}  // namespace

Clock& SystemClock() {
  static WallClock clock;
  return clock;
}

}  // namespace uw::http
