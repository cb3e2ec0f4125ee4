// `unwrapped status`: what the lake holds per source, coverage by month, the last imports, and
// the Spotify sign-in (status_sign_in.h).
#include <fmt/format.h>

#include <map>
#include <set>

#include "cli/app.h"
#include "cli/status_enrichment.h"
#include "cli/status_sign_in.h"
#include "core/civil_time.h"
#include "core/lake_paths.h"
#include "core/text.h"
#include "pipeline/bronze/receipt.h"

namespace uw::cli {
namespace {

struct KindTotals {
  uint64_t files = 0;
  uint64_t bytes = 0;
};

// The source family a bronze export kind belongs to, for coverage.
std::string SourceOf(std::string_view kind) {
  if (kind.rfind("extended", 0) == 0) return "extended";
  if (kind.rfind("account", 0) == 0) return "account";
  if (kind == "recently_played") return "api";
  return "";
}

struct Status {
  std::map<std::string, KindTotals> bronze;                          // by kind folder
  std::map<std::string, std::map<std::string, uint64_t>> coverage;   // month -> source -> plays
  std::vector<bronze::Receipt> receipts;
};

// Bronze objects by kind: bronze/spotify_export/<kind>/... and bronze/spotify_api/<what>/...
std::map<std::string, KindTotals> ScanBronze(const storage::ObjectStore& lake) {
  std::map<std::string, KindTotals> out;
  for (const auto& object : lake.List("bronze/")) {
    const std::string_view key = object.key;
    const auto first = key.find('/', 7);
    const auto second = key.find('/', first + 1);
    if (first == std::string_view::npos || second == std::string_view::npos) continue;
    auto& totals = out[std::string(key.substr(first + 1, second - first - 1))];
    ++totals.files;
    totals.bytes += object.size_bytes;
  }
  return out;
}

// Plays per month and source from the receipts; a bronze object counts once however often it
// was imported.
std::map<std::string, std::map<std::string, uint64_t>> Coverage(const std::vector<bronze::Receipt>& receipts) {
  std::map<std::string, std::map<std::string, uint64_t>> out;
  std::set<std::string> seen;
  for (const auto& receipt : receipts) {
    for (const auto& file : receipt.files) {
      if (file.bronze_key.empty() || !seen.insert(file.bronze_key).second) continue;
      const std::string source = SourceOf(file.kind);
      if (source.empty()) continue;
      for (const auto& [month, plays] : file.records_by_month) out[month][source] += plays;
    }
  }
  return out;
}

void PrintText(const Status& s, const std::string& url) {
  fmt::print("Lake {}\n\nBronze\n  {:<20} {:>7} {:>11}\n", url, "kind", "files", "size");
  for (const auto& [kind, t] : s.bronze) {
    fmt::print("  {:<20} {:>7} {:>11}\n", kind, t.files, core::HumanBytes(t.bytes));
  }
  if (s.bronze.empty()) fmt::print("  (empty: run `unwrapped import PATH` with your Spotify export)\n");

  // Per year: plays per source and how many months have any data.
  std::map<std::string, std::map<std::string, std::pair<uint64_t, int>>> years;
  for (const auto& [month, by_source] : s.coverage) {
    for (const auto& [source, plays] : by_source) {
      auto& cell = years[month.substr(0, 4)][source];
      cell.first += plays;
      cell.second += plays > 0;
    }
  }
  if (!years.empty()) {
    fmt::print("\nCoverage (play records in bronze; months with data)\n  {:<6} {:>18} {:>18} {:>14}\n",
               "year", "extended", "account", "api");
    for (const auto& [year, by_source] : years) {
      std::string row = fmt::format("  {:<6}", year);
      for (const char* source : {"extended", "account", "api"}) {
        auto it = by_source.find(source);
        const int width = std::string_view(source) == "api" ? 14 : 18;
        row += it == by_source.end()
                   ? fmt::format(" {:>{}}", "-", width)
                   : fmt::format(" {:>{}}", fmt::format("{} ({:>2} mo)", it->second.first, it->second.second), width);
      }
      fmt::print("{}\n", row);
    }
  }
  fmt::print("\nLast imports\n");
  if (s.receipts.empty()) fmt::print("  none\n");
  const size_t from = s.receipts.size() > 5 ? s.receipts.size() - 5 : 0;
  for (size_t i = from; i < s.receipts.size(); ++i) {
    const auto& r = s.receipts[i];
    fmt::print("  {}  {} files: {} landed, {} already present, {} rejected, {} ignored; {} records, {} rejected\n",
               core::FormatIsoSeconds(r.started_at_ms / 1000), r.totals.files, r.totals.landed,
               r.totals.already_present, r.totals.rejected, r.totals.ignored, r.totals.records_total,
               r.totals.rejected_records);
  }
}

void PrintJson(const Status& s, const std::string& url, const std::string& sign_in_json,
               const std::string& ingest_json, const std::string& enrichment_json) {
  std::string out = "{\"lake\":" + core::JsonString(url) + ",\"bronze\":{";
  bool first = true;
  for (const auto& [kind, t] : s.bronze) {
    out += fmt::format("{}{}:{{\"files\":{},\"bytes\":{}}}", first ? "" : ",", core::JsonString(kind), t.files, t.bytes);
    first = false;
  }
  out += "},\"coverage\":{";
  first = true;
  for (const auto& [month, by_source] : s.coverage) {
    out += fmt::format("{}{}:{{", first ? "" : ",", core::JsonString(month));
    bool inner = true;
    for (const auto& [source, plays] : by_source) {
      out += fmt::format("{}{}:{}", inner ? "" : ",", core::JsonString(source), plays);
      inner = false;
    }
    out += "}";
    first = false;
  }
  out += "},\"imports\":[";
  for (size_t i = 0; i < s.receipts.size(); ++i) {
    const auto& r = s.receipts[i];
    out += fmt::format("{}{{\"id\":{},\"files\":{},\"landed\":{},\"already_present\":{},\"rejected\":{},"
                       "\"records\":{},\"rejected_records\":{}}}",
                       i ? "," : "", core::JsonString(r.id), r.totals.files, r.totals.landed,
                       r.totals.already_present, r.totals.rejected, r.totals.records_total,
                       r.totals.rejected_records);
  }
  fmt::print("{}],\"spotify_sign_in\":{},\"spotify_ingest\":{},\"spotify_enrichment\":{}}}\n", out,
             sign_in_json, ingest_json, enrichment_json);
}

int RunStatus(Context& context) {
  const auto lake = context.OpenLake();
  Status status;
  status.bronze = ScanBronze(*lake);
  status.receipts = bronze::LoadReceipts(*lake);
  status.coverage = Coverage(status.receipts);
  if (context.json()) {
    PrintJson(status, lake->Url(), SignInStatusJson(context.settings()), IngestStatusJson(*lake),
              EnrichmentStatusJson(*lake));
  } else {
    PrintText(status, lake->Url());
    fmt::print("{}", SignInStatusText(context.settings()));
    PrintIngestStatus(*lake);
    fmt::print("{}", EnrichmentStatusText(*lake));
  }
  return 0;
}

}  // namespace

void AddStatusCommand(CLI::App& app, Registry& registry) {
  auto* status = app.add_subcommand("status", "What the lake holds: sources, coverage by month, last imports");
  registry.On(status, RunStatus);
}

}  // namespace uw::cli
