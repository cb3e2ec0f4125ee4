#include "core/progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

namespace uw::core {

Progress::Progress(std::string label, uint64_t total, bool enabled)
    : label_(std::move(label)),
      total_(total),
      enabled_(enabled && isatty(STDERR_FILENO)),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

Progress::~Progress() { Finish(); }

void Progress::Advance(uint64_t amount) {
  done_ += amount;
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  // Nothing is drawn in the first second, so short runs stay quiet; then at most 10 frames/s.
  if (now - start_ < std::chrono::seconds(1) || now - last_draw_ < std::chrono::milliseconds(100)) {
    return;
  }
  std::lock_guard lock(mutex_);
  last_draw_ = now;
  Draw(false);
}

void Progress::Finish() {
  if (!enabled_) return;
  std::lock_guard lock(mutex_);
  if (finished_) return;
  finished_ = true;
  if (drawn_) Draw(true);
}

void Progress::Draw(bool final) {
  constexpr int kWidth = 30;
  const uint64_t done = std::min<uint64_t>(done_, total_);
  const double fraction = total_ ? static_cast<double>(done) / total_ : 1.0;
  const int filled = static_cast<int>(fraction * kWidth);
  std::string bar(filled, '#');
  bar.append(kWidth - filled, '.');
  fmt::print(stderr, "\r{} [{}] {:3.0f}%{}", label_, bar, fraction * 100, final ? "\n" : "");
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace uw::core
