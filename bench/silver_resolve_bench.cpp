// Times the two halves of silver play resolution on a local lake: ReadBronzePlays (parse every
// bronze play record) and ResolvePlays (de-duplicate and resolve into one row per play). Prints
// seconds, peak RSS and counts, plus digests of every resolved field so an optimisation can show
// its output is unchanged (`rows` covers everything but event_id, `ids` covers event_id).
//   silver_resolve_bench LAKE_DIR [--zone auto|IANA] [--listener IANA] [--runs N] [--dump FILE]
//                        [--steps] [--read-only] [--catalog]
// --dump writes one line per resolved play (all fields) for diffing two builds; --steps also
// times each resolution step (resolve_plays.h) on its own; --read-only times only the read;
// --catalog also times building the catalog of the resolved plays (catalog.h) and prints its
// digest.
#include <fmt/format.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include "pipeline/silver/catalog.h"
#include "pipeline/silver/event_ids.h"
#include "pipeline/silver/resolve_plays.h"
#include "storage/local_store.h"

namespace {

using namespace uw::silver;

struct Args {
  std::string lake;
  std::string zone = "auto";
  std::string listener = "Europe/Berlin";
  int runs = 1;
  std::string dump;
  bool steps = false;
  bool read_only = false;
  bool catalog = false;
};

Args Parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    const bool has_value = i + 1 < argc;
    if (flag == "--zone" && has_value)
      a.zone = argv[++i];
    else if (flag == "--listener" && has_value)
      a.listener = argv[++i];
    else if (flag == "--runs" && has_value)
      a.runs = std::stoi(argv[++i]);
    else if (flag == "--read-only")
      a.read_only = true;
    else if (flag == "--steps")
      a.steps = true;
    else if (flag == "--catalog")
      a.catalog = true;
    else if (flag == "--dump" && has_value)
      a.dump = argv[++i];
    else
      a.lake = flag;
  }
  return a;
}

double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto s = [](timeval t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
  return s(usage.ru_utime) + s(usage.ru_stime);
}

double PeakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

template <typename F>
double Seconds(F&& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string Opt(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : "-"; }
std::string Opt(const std::optional<bool>& v) { return v ? (*v ? "1" : "0") : "-"; }

// Every field of a resolved play but event_id, in declaration order.
std::string Line(const PlayRecord& p) {
  return fmt::format(
      "{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}"
      "|"
      "{}|{}|{}|{}|{}|{}|{}|{}|{}",
      p.ended_at_ms, Opt(p.ms_played), int(p.content), int(p.source), int(p.sources),
      int(p.precision), p.track_uri, p.track_name, p.artist_name, p.artist_id, p.album_name,
      p.album_id, p.episode_uri, p.episode_name, p.show_name, p.audiobook_uri, p.audiobook_title,
      p.chapter_uri, p.chapter_title, p.author_name, p.context_type, p.context_uri, p.platform_raw,
      p.Platform(), p.conn_country, p.reason_start, p.reason_end, Opt(OptionalOf(p.shuffle)),
      Opt(OptionalOf(p.skipped)), Opt(OptionalOf(p.offline)), Opt(p.offline_at_ms),
      bool(p.incognito), Opt(p.track_duration_ms),
      fmt::format("{}#{}", p.bronze_file, p.record_index), p.resolved_uri, int(p.resolution),
      bool(p.ended_at_ambiguous), bool(p.ms_played_estimated), p.StartedAtMs(),
      fmt::format("{}{}", p.IsStream(), p.IsSkip()));
}

// FNV-1a 64: enough to tell two outputs apart, and no dependency.
struct Digest {
  uint64_t h = 14695981039346656037ull;
  void Add(std::string_view s) {
    for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    h = (h ^ 0xff) * 1099511628211ull;
  }
};

std::string SummaryText(const ResolveSummary& s) {
  return fmt::format(
      "in ext={} acc={} api={} out music={} podcast={} ext_dup={} api_rep={} api_ext={} "
      "acc_merged={} acc_ident={} amb_matched={} amb_unmatched={} in_gap={} names res={} unres={} "
      "most_used={} est={} zone={} checked={} matched={}",
      s.extended_in, s.account_in, s.api_in, s.music_out, s.podcast_out,
      s.extended_exact_duplicates, s.api_repeated_items, s.api_extended_merged, s.account_merged,
      s.account_identical_rows_merged, s.account_ambiguous_matched, s.account_ambiguous_unmatched,
      s.account_in_gap, s.names_resolved, s.names_unresolved, s.names_resolved_most_used,
      s.ms_played_estimated, s.zone.zone, s.zone.rows_checked, s.zone.rows_matched);
}

void Report(const ResolvedPlays& r, const std::string& dump) {
  Digest rows, ids;
  std::ofstream out;
  if (!dump.empty()) out.open(dump);
  for (const auto* list : {&r.music, &r.podcast}) {
    const EventIds event_ids(*list);
    for (size_t i = 0; i < list->size(); ++i) {
      const std::string line = Line((*list)[i]);
      const EventId id = event_ids.Of(i);
      rows.Add(line);
      ids.Add(id.Hex());
      if (out) out << line << '|' << id << '\n';
    }
  }
  fmt::print("summary: {}\n", SummaryText(r.summary));
  fmt::print("digest: rows={:016x} ids={:016x}\n", rows.h, ids.h);
}

// What ReadBronzePlays gave: counts and a digest of every field of every play, in order, so a
// change to the read path can show its output is unchanged (--read-only).
void ReportRead(const BronzePlays& b) {
  Digest rows;
  for (const auto* list : {&b.extended, &b.account, &b.api}) {
    for (const PlayRecord& p : *list) rows.Add(Line(p));
  }
  for (const SourceCounts* c : {&b.extended_counts, &b.account_counts, &b.api_counts}) {
    rows.Add(fmt::format("{}|{}|{}|{}|{}", c->files, c->unreadable_files, c->records,
                         c->rejected_records, c->no_identity_records));
  }
  fmt::print("read: extended={} account={} api={} digest={:016x}\n", b.extended.size(),
             b.account.size(), b.api.size(), rows.h);
}

// The steps of ResolvePlays one by one, timed.
void TimeSteps(const uw::storage::ObjectStore& lake, const ResolveOptions& options) {
  BronzePlays b = ReadBronzePlays(lake);
  ResolveSummary s;
  std::vector<PlayRecord> extended, api, plays;
  const auto step = [](const char* name, auto&& f) {
    const double cpu = CpuSeconds();
    const double wall = Seconds(f);
    fmt::print("  {:<18} {:.3f} s wall, {:.3f} s cpu\n", name, wall, CpuSeconds() - cpu);
  };
  step("exact duplicates", [&] {
    extended = MergeExactDuplicates(std::move(b.extended), s.extended_exact_duplicates);
    api = MergeExactDuplicates(std::move(b.api), s.api_repeated_items);
  });
  step("api into extended", [&] {
    plays = MergeApiIntoExtended(std::move(extended), std::move(api), s.api_extended_merged);
  });
  step("account zone", [&] { s.zone = DecideAccountZone(b.account, plays, options); });
  step("merge account",
       [&] { plays = MergeAccount(std::move(plays), std::move(b.account), s.zone.zone, s); });
  step("resolve names", [&] { ResolveNames(plays, s); });
  step("estimate ms_played", [&] { EstimateMsPlayed(plays, s); });
}

// A digest of every entry and play id of a catalog, so a change can show it builds the same one.
uint64_t CatalogDigest(const Catalog& c) {
  Digest d;
  for (const auto& [id, t] : c.tracks) {
    d.Add(fmt::format("{}|{}|{}|{}|{}|{}|{}|{}|{}|{}", id, t.uri, t.name, t.artist_id,
                      t.artist_name, t.album_id, t.album_name, Opt(t.duration_ms),
                      t.first_played_ms, t.last_played_ms));
  }
  for (const auto& [id, a] : c.artists) d.Add(fmt::format("{}|{}|{}", id, a.name, a.name_only));
  for (const auto& [id, a] : c.albums) {
    d.Add(fmt::format("{}|{}|{}|{}|{}", id, a.name, a.artist_id, a.artist_name, a.name_only));
  }
  for (const auto& [id, s] : c.shows) d.Add(fmt::format("{}|{}|{}|{}", id, s.name, s.kind, s.uri));
  for (const auto& [id, e] : c.episodes) {
    d.Add(fmt::format("{}|{}|{}|{}|{}|{}|{}|{}", id, e.uri, e.name, e.content_type, e.show_id,
                      e.show_name, e.first_played_ms, e.last_played_ms));
  }
  for (const auto* ids : {&c.music_ids, &c.podcast_ids}) {
    for (const PlayIds& i : *ids)
      d.Add(fmt::format("{}|{}|{}", i.track_id, i.artist_id, i.album_id));
  }
  return d.h;
}

// BuildCatalog three times, timed, and the digest of what it built.
void TimeCatalog(const ResolvedPlays& resolved) {
  for (int round = 0; round < 3; ++round) {
    const double cpu = CpuSeconds();
    Catalog catalog;
    const double wall = Seconds([&] { catalog = BuildCatalog(resolved); });
    fmt::print("  catalog: {:.3f} s wall, {:.3f} s cpu, {} tracks\n", wall, CpuSeconds() - cpu,
               catalog.tracks.size());
    if (round == 2) fmt::print("  catalog digest: {:016x}\n", CatalogDigest(catalog));
  }
}

}  // namespace

int main(int argc, char** argv) {
  const Args args = Parse(argc, argv);
  if (args.lake.empty()) {
    std::fprintf(stderr,
                 "usage: silver_resolve_bench LAKE_DIR [--zone Z] [--listener Z] [--runs N] "
                 "[--dump F] [--steps] [--read-only] [--catalog]\n");
    return 2;
  }
  const uw::storage::LocalStore lake(args.lake);
  ResolveOptions options;
  options.account_zone = args.zone;
  options.listener_zone = args.listener;
  for (int run = 0; run < args.runs; ++run) {
    BronzePlays bronze;
    const double cpu0 = CpuSeconds();
    const double read_s = Seconds([&] { bronze = ReadBronzePlays(lake); });
    const double cpu1 = CpuSeconds();
    const double read_rss = PeakRssMiB();
    if (args.read_only) {
      fmt::print("read {:.3f} s, {:.3f} s cpu, peak RSS {:.0f} MiB\n", read_s, cpu1 - cpu0,
                 read_rss);
      if (run + 1 == args.runs) ReportRead(bronze);
      continue;
    }
    const uint64_t records = bronze.extended.size() + bronze.account.size() + bronze.api.size();
    const uint64_t files =
        bronze.extended_counts.files + bronze.account_counts.files + bronze.api_counts.files;
    ResolvedPlays resolved;
    const double resolve_s = Seconds([&] { resolved = ResolvePlays(std::move(bronze), options); });
    const double cpu2 = CpuSeconds();
    fmt::print(
        "{{\"read_s\":{:.3f},\"resolve_s\":{:.3f},\"total_s\":{:.3f},\"read_cpu_s\":{:.3f},"
        "\"resolve_cpu_s\":{:.3f},\"files\":{},\"records\":{},\"music\":{},\"podcast\":{},"
        "\"rss_after_read_mib\":{:.0f},\"peak_rss_mib\":{:.0f}}}\n",
        read_s, resolve_s, read_s + resolve_s, cpu1 - cpu0, cpu2 - cpu1, files, records,
        resolved.music.size(), resolved.podcast.size(), read_rss, PeakRssMiB());
    if (run + 1 == args.runs) Report(resolved, args.dump);
    if (args.catalog) TimeCatalog(resolved);
  }
  if (args.steps) TimeSteps(lake, options);
  return 0;
}
