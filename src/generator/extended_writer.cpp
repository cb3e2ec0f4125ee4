#include "generator/extended_writer.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/civil_time.h"
#include "core/time_zone.h"
#include "generator/file_sink.h"
#include "generator/pdf_stub.h"
#include "generator/scenario.h"

namespace uw::generator {
namespace {

enum class Tag : uint8_t { kFirst, kExactCopy, kSyncCopy, kOverlapCopy };

struct Entry {
  uint32_t play;
  RecordVariant variant;
  Tag tag;
};

struct VintageEntries {
  std::vector<Entry> audio, video;
};

// One entry per play in the vintage's window, plus the duplicates real exports contain.
VintageEntries CollectEntries(const Timeline& timeline, Vintage vintage, Rng& rng,
                              ExtendedStats& stats) {
  VintageEntries out;
  const uint8_t bit = static_cast<uint8_t>(1 << static_cast<int>(vintage));
  for (uint32_t i = 0; i < timeline.plays.size(); ++i) {
    const Play& p = timeline.plays[i];
    const uint8_t mask = VintageMask(p);
    if (!(mask & bit)) continue;
    auto& list = p.Has(kVideo) ? out.video : out.audio;
    list.push_back({i, RecordVariant::kOriginal, Tag::kFirst});
    if (!HasExtendedIdentity(p.kind)) continue;
    // A play in two vintages' windows is counted as a copy once, in its second vintage.
    if ((mask & (bit - 1)) != 0) ++stats.cross_vintage_copies;
    if (rng.Chance(0.005)) list.push_back({i, RecordVariant::kOriginal, Tag::kExactCopy});
    if (p.Has(kOffline) && rng.Chance(0.02))
      list.push_back({i, RecordVariant::kOfflineSync, Tag::kSyncCopy});
  }
  return out;
}

std::vector<std::vector<Entry>> Chunk(const std::vector<Entry>& entries, Rng& rng, bool overlap) {
  std::vector<std::vector<Entry>> chunks;
  for (size_t begin = 0; begin < entries.size();) {
    const size_t size = static_cast<size_t>(rng.Between(14000, 17000));
    const size_t end = std::min(entries.size(), begin + size);
    std::vector<Entry> chunk;
    if (overlap && !chunks.empty() && rng.Chance(0.5)) {
      // The new file repeats the last records of the previous one (formats.md §2.6).
      const auto& prev = chunks.back();
      const size_t k = std::min<size_t>(prev.size(), static_cast<size_t>(rng.Between(1, 25)));
      for (size_t j = prev.size() - k; j < prev.size(); ++j)
        chunk.push_back({prev[j].play, prev[j].variant, Tag::kOverlapCopy});
    }
    chunk.insert(chunk.end(), entries.begin() + static_cast<std::ptrdiff_t>(begin),
                 entries.begin() + static_cast<std::ptrdiff_t>(end));
    chunks.push_back(std::move(chunk));
    begin = end;
  }
  return chunks;
}

// File names carry years of the listener's wall clock, so a "2020" file can start with a
// 2019-12-31T23:xx:xxZ row (formats.md §2.1 saw exactly that).
std::string YearRange(const Timeline& timeline, const std::vector<Entry>& chunk) {
  static const core::TimeZone home = core::TimeZone::Named(scenario::kHomeZone);
  int64_t lo = INT64_MAX, hi = INT64_MIN;
  for (const Entry& e : chunk) {
    lo = std::min(lo, timeline.plays[e.play].ts());
    hi = std::max(hi, timeline.plays[e.play].ts());
  }
  const int y0 = core::FromEpochSeconds(home.ToLocal(lo)).date.year;
  const int y1 = core::FromEpochSeconds(home.ToLocal(hi)).date.year;
  return y0 == y1 ? fmt::format("{}", y0) : fmt::format("{}-{}", y0, y1);
}

void Count(const Timeline& timeline, const Entry& e, ExtendedStats& stats) {
  if (!HasExtendedIdentity(timeline.plays[e.play].kind)) {
    ++stats.no_identity_records;
    return;
  }
  switch (e.tag) {
    case Tag::kExactCopy:
      ++stats.exact_copies;
      break;
    case Tag::kSyncCopy:
      ++stats.offline_sync_copies;
      break;
    case Tag::kOverlapCopy:
      ++stats.file_overlap_copies;
      break;
    default:
      break;
  }
}

void WriteFile(const Timeline& timeline, const ExtendedRecord& renderer,
               const std::filesystem::path& dir, ExtendedFile file, const std::vector<Entry>& chunk,
               ExtendedStats& stats) {
  FileSink sink(dir / file.name);
  const bool pretty = ExtendedRecord::Pretty(file.vintage);
  std::string& out = sink.buffer();
  out += pretty ? "[\n" : "[";
  for (size_t i = 0; i < chunk.size(); ++i) {
    if (i) out += pretty ? ",\n" : ",";
    renderer.Append(out, timeline.plays[chunk[i].play], file.vintage, chunk[i].variant);
    sink.MaybeFlush();
    Count(timeline, chunk[i], stats);
  }
  out += pretty ? "\n]" : "]";
  sink.Close();
  file.records = static_cast<int64_t>(chunk.size());
  file.bytes = sink.bytes();
  stats.records += file.records;
  stats.records_by_vintage[static_cast<int>(file.vintage)] += file.records;
  if (file.video) stats.video_records += file.records;
  stats.files.push_back(std::move(file));
}

void WriteVintage(const Timeline& timeline, const ExtendedRecord& renderer, Vintage vintage,
                  Rng rng, const std::filesystem::path& dir, ExtendedStats& stats) {
  VintageEntries entries = CollectEntries(timeline, vintage, rng, stats);
  if (vintage == Vintage::kA) {
    // endsong files are in no order at all: every file mixes the whole period.
    rng.Shuffle(entries.audio.begin(), entries.audio.end());
    const auto chunks = Chunk(entries.audio, rng, false);
    for (size_t i = 0; i < chunks.size(); ++i) {
      WriteFile(timeline, renderer, dir, {fmt::format("endsong_{}.json", i), vintage, false, false},
                chunks[i], stats);
    }
    return;
  }
  const auto chunks = Chunk(entries.audio, rng, true);
  for (size_t i = 0; i < chunks.size(); ++i) {
    const std::string name =
        fmt::format("Streaming_History_Audio_{}_{}.json", YearRange(timeline, chunks[i]), i);
    auto chunk = chunks[i];
    const bool shuffled = rng.Chance(0.35);
    if (shuffled) rng.Shuffle(chunk.begin(), chunk.end());
    WriteFile(timeline, renderer, dir, {name, vintage, false, !shuffled}, chunk, stats);
  }
  const auto video = Chunk(entries.video, rng, false);
  for (size_t i = 0; i < video.size(); ++i) {
    const std::string suffix = video.size() == 1 ? "" : fmt::format("_{}", i);
    const std::string name =
        fmt::format("Streaming_History_Video_{}{}.json", YearRange(timeline, video[i]), suffix);
    WriteFile(timeline, renderer, dir, {name, vintage, true, true}, video[i], stats);
  }
}

}  // namespace

ExtendedStats WriteExtended(const Timeline& timeline, const ExtendedRecord& renderer, Rng rng,
                            const std::filesystem::path& dir) {
  ExtendedStats stats;
  WriteVintage(timeline, renderer, Vintage::kA, rng.Fork("vintage-a"), dir, stats);
  WriteVintage(timeline, renderer, Vintage::kB, rng.Fork("vintage-b"), dir, stats);
  WriteVintage(timeline, renderer, Vintage::kC, rng.Fork("vintage-c"), dir, stats);
  WriteWholeFile(dir / "ReadMeFirst_ExtendedStreamingHistory.pdf",
                 FakePdf("Read me first: your extended streaming history (synthetic example)."));
  return stats;
}

}  // namespace uw::generator
