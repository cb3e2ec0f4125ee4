#include "generator/platform.h"

#include <fmt/format.h>

#include <algorithm>

#include "generator/scenario.h"

namespace uw::generator {
namespace {

using enum DeviceKind;

constexpr std::string_view kChromeWin7 =
    "Mozilla%2F5.0%20(Windows%20NT%206.1;%20Win64;%20x64)%20AppleWebKit%2F537.36%20(KHTML,%20like%"
    "20Gecko)%20"
    "Chrome%2F43.0.2357.130%20Safari%2F537.36";
constexpr std::string_view kChromeWin10 =
    "Mozilla%2F5.0%20(Windows%20NT%2010.0;%20Win64;%20x64)%20AppleWebKit%2F537.36%20(KHTML,%20like%"
    "20Gecko)%20"
    "Chrome%2F57.0.2987.133%20Safari%2F537.36";
constexpr std::string_view kChromeLinux =
    "Mozilla%2F5.0%20(X11;%20Linux%20x86_64)%20AppleWebKit%2F537.36%20(KHTML,%20like%20Gecko)%20"
    "Chrome%2F74.0.3729.169%20Safari%2F537.36";

// Index order is part of the output: append only.
const std::vector<Platform> kPlatforms = {
    {"Android OS 5.0.1 API 21 (samsung, SM-G900F)", "android", kPhone, ""},  // 0
    {"Windows 7 (6.1.7601; x64; SP1; S)", "windows", kDesktop, ""},          // 1
    {"web_player windows 7;chrome 43.0.2357.130;desktop", "not_applicable", kWeb, kChromeWin7},
    {"iOS 8.4 (iPad4,4)", "ios", kTablet, ""},                             // 3
    {"OS X 10.10.4 [x86 8]", "osx", kDesktop, ""},                         // 4
    {"Android OS 7.0 API 24 (samsung, SM-G930F)", "android", kPhone, ""},  // 5
    {"Windows 10 (10.0.14393; x64)", "windows", kDesktop, ""},             // 6
    {"web_player windows 10;chrome 57.0.2987.133;desktop", "not_applicable", kWeb, kChromeWin10},
    {"WebPlayer (websocket RFC6455)", "not_applicable", kWeb, ""},            // 8
    {"Partner sonos_s14 Sonos;Play:1;;", "cast", kCast, ""},                  // 9
    {"Android OS 9 API 28 (OnePlus, ONEPLUS A6003)", "android", kPhone, ""},  // 10
    {"Windows 10 (10.0.18362; x64)", "windows", kDesktop, ""},                // 11
    {"web_player linux ;chrome 74.0.3729.169;desktop", "not_applicable", kWeb, kChromeLinux},
    {"Linux [x86-64 0]", "linux", kDesktop, ""},                           // 13
    {"Partner google cast_tv;Chromecast;;", "cast", kCast, ""},            // 14
    {"iOS 12.3.1 (iPad7,5)", "ios", kTablet, ""},                          // 15
    {"Android OS 11 API 30 (Xiaomi, 21061119BI)", "android", kPhone, ""},  // 16
    {"iOS 14.7.1 (iPhone10,3)", "ios", kPhone, ""},                        // 17
    {"Windows 10 (10.0.19043; x64; AppX)", "windows", kDesktop, ""},       // 18
    {"web_player windows 10;chrome 95.0.4638.69;desktop", "not_applicable", kWeb, ""},
    {"Android OS 13 API 33 (samsung, SM-S911B)", "android", kPhone, ""},  // 20
    {"iOS 16.3 (iPhone15,2)", "ios", kPhone, ""},                         // 21
    {"Windows 10 (10.0.22621; x64; AppX)", "windows", kDesktop, ""},      // 22
    {"OS X 13.2.1 [arm 2]", "osx", kDesktop, ""},                         // 23
    {"Partner google cast_audio;Chromecast Audio;;", "cast", kCast, ""},  // 24
};

struct Era {
  int64_t from;
  std::vector<std::pair<uint16_t, double>> weights;  // platform index, weight
  std::vector<double> cumulative;
};

std::vector<Era> MakeEras() {
  std::vector<Era> eras = {
      {scenario::kStart, {{0, 6}, {1, 3}, {2, 1}, {3, 0.4}, {4, 0.5}}, {}},
      {scenario::At(2017, 3, 1), {{5, 6}, {6, 3}, {7, 1}, {8, 0.3}, {9, 0.6}, {3, 0.2}}, {}},
      {scenario::At(2019, 5, 1),
       {{10, 6}, {11, 3}, {12, 0.8}, {13, 0.3}, {14, 0.8}, {15, 0.4}},
       {}},
      {scenario::At(2021, 8, 1), {{16, 5}, {17, 1.5}, {18, 3}, {19, 0.8}, {14, 0.8}}, {}},
      {scenario::At(2023, 1, 1),
       {{20, 5}, {21, 1.5}, {22, 2.5}, {23, 0.6}, {24, 0.8}, {19, 0.5}},
       {}},
  };
  for (Era& e : eras) {
    std::vector<double> w;
    for (const auto& [index, weight] : e.weights) w.push_back(weight);
    e.cumulative = Cumulative(w);
  }
  return eras;
}

const std::vector<Era>& Eras() {
  static const std::vector<Era> eras = MakeEras();
  return eras;
}

enum IpRange : uint64_t { kTestNet1 = 1, kTestNet2 = 2, kTestNet3 = 3, kDocV6 = 6 };

uint64_t V4(IpRange range, uint64_t host) { return uint64_t{range} << 56 | (1 + host % 254); }

}  // namespace

const std::vector<Platform>& Platforms() { return kPlatforms; }

uint16_t PickPlatform(Rng& rng, int64_t epoch_s) {
  const auto& eras = Eras();
  size_t e = 0;
  while (e + 1 < eras.size() && eras[e + 1].from <= epoch_s) ++e;
  return eras[e].weights[rng.PickCumulative(eras[e].cumulative)].first;
}

const std::vector<Country>& Countries() {
  static const std::vector<Country> countries = {
      {"DE", 0}, {"FR", 5}, {"NL", 4}, {"AT", 5}, {"IT", 4}, {"ES", 4}, {"GB", 3}, {"US", 2},
      {"JP", 1}, {"PL", 2}, {"CH", 2}, {"DK", 2}, {"PT", 2}, {"GR", 2}, {"SE", 1}, {"KR", 1}};
  return countries;
}

uint64_t HomeIp(Rng& rng) { return V4(kTestNet2, rng.Below(254)); }

uint64_t MobileIp(Rng& rng) {
  // Mobile carriers hand out IPv6 more and more (formats.md §2.2 shows IPv6 addresses).
  if (rng.Chance(0.25)) return uint64_t{kDocV6} << 56 | (rng.Next() & 0xffffffffffffULL);
  return V4(kTestNet3, rng.Below(254));
}

uint64_t TravelIp(Rng& rng) { return V4(kTestNet1, rng.Below(254)); }

std::string FormatIp(uint64_t ip) {
  const uint64_t range = ip >> 56;
  const uint64_t low = ip & 0xffffffffffffffULL;
  switch (range) {
    case kTestNet1:
      return fmt::format("192.0.2.{}", low);
    case kTestNet2:
      return fmt::format("198.51.100.{}", low);
    case kTestNet3:
      return fmt::format("203.0.113.{}", low);
    default:
      return fmt::format("2001:db8:{:x}:{:x}:{:x}::", (low >> 32) & 0xffff, (low >> 16) & 0xffff,
                         low & 0xffff);
  }
}

}  // namespace uw::generator
