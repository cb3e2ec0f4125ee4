// Deterministic pseudo-random numbers for the synthetic export: xoshiro256** seeded through
// splitmix64, with every distribution written here. <random>'s distributions are not used
// because their output is implementation-defined; with these a seed gives the same export on
// every standard library. An Rng is a value type and not thread safe.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace uw::generator {

// One splitmix64 step: advances `state` and returns a well-mixed 64-bit value.
inline uint64_t SplitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// A stateless hash of one value: attributes derived from an id (an episode's name, a chapter's
// length) are pure functions of it and need no storage.
inline uint64_t Mix64(uint64_t x) { return SplitMix64(x); }

// FNV-1a of a tag, for naming independent streams.
inline uint64_t HashTag(std::string_view tag) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : tag) h = (h ^ static_cast<uint8_t>(c)) * 0x100000001b3ULL;
  return h;
}

class Rng {
 public:
  explicit Rng(uint64_t seed) : seed_(seed) {
    uint64_t sm = seed;
    for (auto& word : s_) word = SplitMix64(sm);
  }

  // An independent stream for one part of the generator, derived from the seed and `tag` only:
  // how much one part draws never shifts another part's numbers.
  Rng Fork(std::string_view tag) const { return Rng(Mix64(seed_ ^ HashTag(tag))); }

  uint64_t Next() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, n) without modulo bias (Lemire's multiply-and-reject). Precondition: n > 0.
  uint64_t Below(uint64_t n) {
    __uint128_t m = static_cast<__uint128_t>(Next()) * n;
    auto low = static_cast<uint64_t>(m);
    if (low < n) {
      const uint64_t threshold = (0 - n) % n;
      while (low < threshold) {
        m = static_cast<__uint128_t>(Next()) * n;
        low = static_cast<uint64_t>(m);
      }
    }
    return static_cast<uint64_t>(m >> 64);
  }

  // Uniform integer in [lo, hi], both inclusive. Precondition: lo <= hi.
  int64_t Between(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(Below(static_cast<uint64_t>(hi - lo) + 1));
  }

  // Uniform in [0, 1) with 53 random bits.
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  double Uniform(double lo, double hi) { return lo + (hi - lo) * Uniform(); }
  bool Chance(double p) { return Uniform() < p; }

  double Exponential(double mean) { return -mean * std::log1p(-Uniform()); }

  // Standard normal by Box-Muller (one value per call; no hidden cache, so streams stay simple).
  double Normal() {
    const double u1 = 1.0 - Uniform();
    const double u2 = Uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }
  double LogNormal(double mu, double sigma) { return std::exp(mu + sigma * Normal()); }

  // Gamma(shape, scale) by Marsaglia and Tsang; shape < 1 uses the boost u^(1/shape).
  double Gamma(double shape, double scale) {
    if (shape < 1.0) return Gamma(shape + 1.0, scale) * std::pow(Uniform(), 1.0 / shape);
    const double d = shape - 1.0 / 3.0;
    const double c = 1.0 / std::sqrt(9.0 * d);
    while (true) {
      double x, v;
      do {
        x = Normal();
        v = 1.0 + c * x;
      } while (v <= 0.0);
      v = v * v * v;
      const double u = Uniform();
      if (u < 1.0 - 0.0331 * x * x * x * x) return d * v * scale;
      if (std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return d * v * scale;
    }
  }

  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(items.size())];
  }
  template <typename T, size_t N>
  const T& Pick(const T (&items)[N]) {
    return items[Below(N)];
  }

  // Index drawn with probability proportional to the weights whose running sums are given.
  // Precondition: non-empty, non-decreasing, last element > 0.
  size_t PickCumulative(const std::vector<double>& cumulative) {
    const double x = Uniform() * cumulative.back();
    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), x);
    return std::min<size_t>(it - cumulative.begin(), cumulative.size() - 1);
  }

  // Fisher-Yates.
  template <typename It>
  void Shuffle(It first, It last) {
    const auto n = last - first;
    for (auto i = n - 1; i > 0; --i)
      std::swap(first[i], first[Below(static_cast<uint64_t>(i) + 1)]);
  }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t seed_;
  uint64_t s_[4];
};

// Running sums of `weights` (for Rng::PickCumulative).
inline std::vector<double> Cumulative(const std::vector<double>& weights) {
  std::vector<double> out(weights.size());
  double sum = 0;
  for (size_t i = 0; i < weights.size(); ++i) out[i] = sum += weights[i];
  return out;
}

}  // namespace uw::generator
