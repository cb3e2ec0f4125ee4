#include "pipeline/bronze/import_exports.h"

#include <simdjson.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <thread>

#include "core/lake_paths.h"
#include "core/progress.h"
#include "core/sha256.h"
#include "pipeline/bronze/lander.h"
#include "sources/spotify_export/input_files.h"

namespace uw::bronze {
namespace {

namespace se = spotify_export;

constexpr unsigned kMaxWorkers = 2;

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void CopyAnalysis(se::FileAnalysis&& a, FileEntry& e) {
  e.kind = se::KindName(a.kind);
  e.vintage = se::VintageName(a.vintage);
  e.records_total = a.records_total;
  e.by_content_type = a.by_content_type;
  e.rejected_records = a.rejected_records;
  e.rejections = std::move(a.rejections);
  e.first_end_ms = a.first_end_ms;
  e.last_end_ms = a.last_end_ms;
  e.naive_times = a.naive_times;
  e.records_by_month = std::move(a.records_by_month);
  e.entries = a.entries;
  e.message = std::move(a.message);
}

std::string AlreadyMessage(const std::string& note) {
  return note.empty() ? "already in bronze" : "already in bronze; " + note;
}

// Read once, analyze, hash, land: one file from bytes to receipt line.
// `file.bytes` is followed by simdjson's padding (spotify_export::FileBytes).
FileEntry ProcessFile(const se::InputFile& file, Lander& lander, simdjson::dom::parser& parser) {
  FileEntry e;
  e.name = file.display_name;
  e.kind = se::KindName(se::FileKind::kNone);
  if (!file.error.empty()) {
    e.message = file.error;
    return e;
  }
  const std::string_view bytes = file.bytes;
  e.size_bytes = bytes.size();
  se::FileAnalysis analysis = se::AnalyzeExportFile(file.name, bytes, parser, /*padded=*/true);
  e.sha256 = core::Sha256Hex(bytes);
  const se::Verdict verdict = analysis.verdict;
  const se::FileKind kind = analysis.kind;
  const int64_t newest_played_at_ms = analysis.newest_played_at_ms;
  CopyAnalysis(std::move(analysis), e);
  if (verdict == se::Verdict::kRejected) return e;
  if (verdict == se::Verdict::kIgnored) {
    e.status = FileStatus::kIgnored;
    return e;
  }
  const Lander::Landing landing =
      lander.Land(kind, newest_played_at_ms, file.name, e.sha256, bytes, file.source_path);
  e.bronze_key = landing.key;
  e.status = landing.written ? FileStatus::kLanded : FileStatus::kAlreadyPresent;
  if (!landing.written) e.message = AlreadyMessage(e.message);
  return e;
}

// Indices of `refs`, largest first: the two workers finish together, and each one's parser and
// buffer reach their final size on its first file instead of growing (and faulting in fresh
// pages) again and again.
std::vector<size_t> LargestFirst(const std::vector<se::InputRef>& refs) {
  std::vector<size_t> order(refs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return refs[a].size_hint > refs[b].size_hint; });
  return order;
}

// Runs work(i, parser, buffer) for every i in `order` on up to kMaxWorkers threads, each with
// its own parser and file buffer. The first exception stops the others from taking more work
// and is rethrown here.
template <typename Work>
void ParallelFor(const std::vector<size_t>& order, Work&& work) {
  const size_t count = order.size();
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto worker = [&] {
    simdjson::dom::parser parser;  // reused across files: its buffers grow once
    se::FileBytes buffer;
    for (size_t i = next++; i < count; i = next++) {
      try {
        work(order[i], parser, buffer);
      } catch (...) {
        std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        next = count;
      }
    }
  };
  const unsigned threads =
      std::min<size_t>({kMaxWorkers, std::max(1u, std::thread::hardware_concurrency()), count});
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace

Receipt ImportExports(storage::ObjectStore& lake, const std::vector<std::filesystem::path>& inputs,
                      const ImportOptions& options) {
  Receipt receipt;
  receipt.started_at_ms = NowMs();
  receipt.id = NewReceiptId(receipt.started_at_ms);
  receipt.lake = lake.Url();
  for (const auto& input : inputs) receipt.inputs.push_back(input.string());

  const se::InputLimits limits{options.max_entry_bytes, options.max_total_bytes, options.max_ratio};
  std::vector<std::filesystem::path> exclude;
  if (const auto root = lake.LocalRoot()) exclude.push_back(*root);
  const std::vector<se::InputRef> refs = se::ListInputs(inputs, limits, exclude);

  uint64_t total_bytes = 0;
  for (const auto& ref : refs) total_bytes += ref.size_hint;
  core::Progress progress("import", total_bytes, options.progress);
  Lander lander(lake);
  std::vector<std::vector<FileEntry>> results(refs.size());
  ParallelFor(LargestFirst(refs),
              [&](size_t i, simdjson::dom::parser& parser, se::FileBytes& buffer) {
                se::LoadInput(refs[i], limits, buffer, [&](const se::InputFile& file) {
                  spdlog::debug("import {}", file.display_name);
                  results[i].push_back(ProcessFile(file, lander, parser));
                });
                progress.Advance(refs[i].size_hint);
              });
  progress.Finish();
  for (auto& group : results) {
    for (auto& entry : group) receipt.files.push_back(std::move(entry));
  }
  // The receipt claims the data is in bronze: make that true before writing it.
  lake.Sync();
  receipt.totals = ComputeTotals(receipt.files);
  receipt.finished_at_ms = NowMs();
  lake.Put(lake::Receipt(receipt.id), ReceiptToJson(receipt));
  lake.Sync();
  return receipt;
}

}  // namespace uw::bronze
