#include "generator/names.h"

#include <fmt/format.h>

#include <cctype>

namespace uw::generator::names {
namespace {

const char* const kAdjectives[] = {
    "Amber",     "Hollow",   "Velvet",   "Electric", "Quiet",   "Burning", "Paper",    "Silver",
    "Lucky",     "Broken",   "Golden",   "Distant",  "Frozen",  "Crimson", "Gentle",   "Restless",
    "Empty",     "Secret",   "Wild",     "Tired",    "Neon",    "Sacred",  "Slow",     "Radiant",
    "Sleepless", "Bitter",   "Sweet",    "Young",    "Ancient", "Cosmic",  "Northern", "Lonely",
    "Strange",   "Tender",   "Savage",   "Blue",     "Violet",  "Winter",  "Faded",    "Hidden",
    "Endless",   "Borrowed", "Concrete", "Glass",    "Static"};
const char* const kNouns[] = {
    "Harbour",  "Signal",     "Garden",    "Engine",  "River",  "Mirror",    "Lantern",
    "Orchard",  "Comet",      "Satellite", "Highway", "Window", "Ocean",     "Letter",
    "Kingdom",  "Thunder",    "Island",    "Shadow",  "Fever",  "Machine",   "Horizon",
    "Echo",     "Ghost",      "Desert",    "Weather", "Circus", "Cathedral", "Heart",
    "Season",   "Lighthouse", "Forest",    "Parade",  "Runner", "Stranger",  "Daydream",
    "Postcard", "Avalanche",  "Chorus",    "Compass", "Meadow", "Midnight",  "Rooftop",
    "Tide"};
// Accented and non-Latin words: every consumer must keep UTF-8 intact.
const char* const kInternational[] = {
    "Café",   "Über",      "Träume",   "Sehnsucht", "Mañana",  "Corazón", "Été",
    "Fièvre", "Naïve",     "Ångström", "Smörgås",   "Øya",     "Żółć",    "Łódź",
    "Straße", "São Paulo", "Ça va",    "Jóga",      "Saudade", "Ñandú",   "Česká",
    "Hjärta", "Dziękuję",  "Ólafur",   "Mørketid",  "Ἀθῆναι"};
const char* const kCjk[] = {"夜に駆ける", "紅蓮華", "ありがとう", "東京",  "さくら", "星空",
                            "花火",       "青春",   "사랑해",     "봄날",  "서울",   "꿈",
                            "晴天",       "北京",   "海阔天空",   "月光",  "雨の日", "風になる",
                            "백야",       "소나기", "光と影",     "微笑み"};
const char* const kEmoji[] = {"🌙", "🔥", "💔", "✨", "🌊", "🎧", "🚀", "🌸", "👻", "💫", "🖤", "☀️"};
const char* const kFirstNames[] = {
    "Anna",    "Max",   "Lena",     "Paul",  "Mia",        "Leon",   "Clara",   "Jonas",
    "Sofia",   "Felix", "Emma",     "Noah",  "Ida",        "Elias",  "Zoë",     "Renée",
    "José",    "Björk", "Aurélien", "Søren", "Małgorzata", "Jürgen", "Chloé",   "Inés",
    "Nikolaï", "Yuki",  "Min-jun",  "Ngozi", "Aroha",      "Declan", "Siobhán", "Matías"};
const char* const kLastNames[] = {
    "Schmidt", "Müller",    "Martin",   "Okafor",   "García",    "Rossi",   "Dubois",
    "Novák",   "Larsen",    "Kowalski", "Nakamura", "Kim",       "O'Brien", "Van Dijk",
    "Ørsted",  "Fernández", "Weiß",     "Bäcker",   "Lindqvist", "Çelik",   "D'Angelo",
    "MacLeod", "Tanaka",    "Park",     "Nguyễn",   "Haddad"};
const char* const kVersions[] = {" - Remastered 2011",  " - Live",           " - Radio Edit",
                                 " - Acoustic",         " (Remix)",          " - Demo",
                                 " (Extended Mix)",     " - Single Version", " - 2015 Remaster",
                                 " (Taylor's Version)", " - Live at Wembley"};
const char* const kShortTitles[] = {"Intro",    "Outro",     "Interlude",   "Skit",
                                    "Prelude",  "Reprise",   "Coda",        "Segue",
                                    "Overture", "Voicemail", "Hidden Track"};

std::string Pair(Rng& rng) { return fmt::format("{} {}", rng.Pick(kAdjectives), rng.Pick(kNouns)); }

}  // namespace

std::string Person(Rng& rng) {
  return fmt::format("{} {}", rng.Pick(kFirstNames), rng.Pick(kLastNames));
}

std::string Artist(Rng& rng) {
  const double x = rng.Uniform();
  if (x < 0.28) return Person(rng);
  if (x < 0.50) return fmt::format("The {} {}s", rng.Pick(kAdjectives), rng.Pick(kNouns));
  if (x < 0.62) return Pair(rng);
  if (x < 0.72) return std::string(rng.Pick(kCjk)) + (rng.Chance(0.3) ? " Band" : "");
  if (x < 0.80) return fmt::format("{} {}", rng.Pick(kInternational), rng.Pick(kNouns));
  if (x < 0.85) {
    return fmt::format("{}, {} & {}", rng.Pick(kLastNames), rng.Pick(kLastNames),
                       rng.Pick(kLastNames));
  }
  if (x < 0.89) return fmt::format("DJ \"{}\" {}", rng.Pick(kAdjectives), rng.Pick(kLastNames));
  if (x < 0.93) {
    std::string noun = rng.Pick(kNouns);
    for (auto& c : noun) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return fmt::format("{} {}", noun, rng.Pick(kEmoji));
  }
  if (x < 0.97) return fmt::format("{} & the {}s", rng.Pick(kFirstNames), rng.Pick(kNouns));
  return fmt::format("{}.{}", rng.Pick(kNouns), rng.Pick(kAdjectives));
}

std::string Album(Rng& rng) {
  const double x = rng.Uniform();
  if (x < 0.40) return Pair(rng);
  if (x < 0.52) return std::string(rng.Pick(kNouns)) + "s";
  if (x < 0.60) return rng.Pick(kCjk);
  if (x < 0.70) return fmt::format("{} (Deluxe Edition)", rng.Pick(kNouns));
  if (x < 0.78) return fmt::format("{}, Vol. {}", rng.Pick(kNouns), rng.Between(1, 4));
  if (x < 0.88) return fmt::format("{} {}", rng.Pick(kInternational), rng.Pick(kNouns));
  if (x < 0.94) return fmt::format("\"{}\"", rng.Pick(kNouns));
  return fmt::format("{} {} {}", rng.Pick(kNouns), rng.Pick(kEmoji), rng.Pick(kNouns));
}

std::string Track(Rng& rng, const std::string& featured) {
  std::string name;
  const double x = rng.Uniform();
  if (x < 0.38) {
    name = Pair(rng);
  } else if (x < 0.50) {
    name = rng.Pick(kNouns);
  } else if (x < 0.58) {
    name = fmt::format("{} of the {}", rng.Pick(kNouns), rng.Pick(kNouns));
  } else if (x < 0.66) {
    name = rng.Pick(kCjk);
  } else if (x < 0.73) {
    name = fmt::format("{}, {}", rng.Pick(kNouns), rng.Pick(kAdjectives));
  } else if (x < 0.78) {
    name = fmt::format("\"{}\"", rng.Pick(kNouns));
  } else if (x < 0.86) {
    name = rng.Pick(kInternational);
    if (rng.Chance(0.5)) name += fmt::format(" {}", rng.Pick(kNouns));
  } else if (x < 0.90) {
    name = fmt::format("{} {}", rng.Pick(kNouns), rng.Pick(kEmoji));
  } else if (x < 0.94) {
    static const char* const kVerbs[] = {"Leave", "Call", "Forget", "Wake"};
    name = fmt::format("Don't {} Me, {}", rng.Pick(kVerbs), rng.Pick(kFirstNames));
  } else {
    name = fmt::format("{} / {}", rng.Pick(kNouns), rng.Pick(kNouns));
  }
  if (!featured.empty()) name += fmt::format(" (feat. {})", featured);
  return name;
}

std::string ShortTrack(Rng& rng) {
  const double x = rng.Uniform();
  if (x < 0.6) return rng.Pick(kShortTitles);
  if (x < 0.8) return fmt::format("{} ({})", rng.Pick(kShortTitles), rng.Pick(kNouns));
  return fmt::format("{} {}", rng.Pick(kCjk), rng.Pick(kShortTitles));
}

std::string VersionSuffix(Rng& rng) { return rng.Pick(kVersions); }

std::string Disambiguate(Rng& rng, const std::string& name) {
  static const char* const kTails[] = {" II", " Jr.",       " Collective", " Trio",     " Ensemble",
                                       " 2",  " (Reprise)", " Pt. 2",      " Revisited"};
  return name + rng.Pick(kTails);
}

std::string Episode(Rng& rng, int number, bool german) {
  if (german) {
    return fmt::format("Folge {}: {}, {} und {}", number, rng.Pick(kNouns), rng.Pick(kNouns),
                       rng.Pick(kInternational));
  }
  const double x = rng.Uniform();
  if (x < 0.5) return fmt::format("#{} – {} {}", number, rng.Pick(kAdjectives), rng.Pick(kNouns));
  if (x < 0.8) {
    return fmt::format("Ep. {} | The {} with {}", number, rng.Pick(kNouns), Person(rng));
  }
  return fmt::format("{}. \"{}\" {}", number, rng.Pick(kNouns), rng.Pick(kEmoji));
}

std::string Chapter(int number, bool german) {
  return german ? fmt::format("Kapitel {}", number) : fmt::format("Chapter {}", number);
}

std::string Playlist(Rng& rng) {
  static const char* const kPlaylists[] = {
      "Sunday Morning ☕",   "Läuft",         "running 🏃",   "focus / deep work",
      "Roadtrip '19",       "Gym",           "sad bangers", "Küche",
      "Sommer 2021 ☀️", "chill, vol. 2", "夜の音楽",    "Party!!"};
  return rng.Pick(kPlaylists);
}

}  // namespace uw::generator::names
