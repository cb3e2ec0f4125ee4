#include "pipeline/silver/bronze_reader.h"

#include <fcntl.h>
#include <simdjson.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <exception>
#include <mutex>
#include <string_view>
#include <thread>

#include "core/error.h"
#include "core/fd.h"
#include "core/lake_paths.h"
#include "pipeline/silver/bronze_rows.h"
#include "pipeline/silver/sort_order.h"
#include "sources/spotify_export/export_kinds.h"
#include "sources/spotify_export/file_bytes.h"

namespace uw::silver {
namespace {

namespace se = spotify_export;

// The <kind> folder of bronze/spotify_export/<kind>/<file>.
std::optional<se::FileKind> KindOfKey(std::string_view key) {
  key.remove_prefix(lake::kBronzeExportPrefix.size());
  const size_t slash = key.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  return se::KindFromName(key.substr(0, slash));
}

bool IsAccountKind(se::FileKind kind) {
  return kind == se::FileKind::kAccountMusic || kind == se::FileKind::kAccountPodcast ||
         kind == se::FileKind::kAccountAudiobook || kind == se::FileKind::kAccountMixed;
}

// What one bronze file contributes, merged with the others once all are read.
struct FilePlays {
  Source source = Source::kExtended;
  BronzeRows rows;    // extended and account
  std::vector<PlayRecord> plays;  // api
  SourceCounts counts;
};

// A bronze file to read and the source its records belong to.
struct PlayFile {
  std::string key;
  uint64_t size_bytes = 0;
  Source source = Source::kExtended;
  se::FileKind kind = se::FileKind::kNone;
};

// Play files in the order results are merged: export files by key, then api responses by key.
std::vector<PlayFile> ListPlayFiles(const storage::ObjectStore& lake) {
  std::vector<PlayFile> files;
  for (auto& info : lake.List(lake::kBronzeExportPrefix)) {
    const auto kind = KindOfKey(info.key);
    if (!kind) continue;
    const bool extended =
        *kind == se::FileKind::kExtendedAudio || *kind == se::FileKind::kExtendedVideo;
    if (!extended && !IsAccountKind(*kind)) continue;
    files.push_back({std::move(info.key), info.size_bytes,
                     extended ? Source::kExtended : Source::kAccount, *kind});
  }
  for (auto& info : lake.List(lake::kBronzeRecentlyPlayedPrefix)) {
    files.push_back({std::move(info.key), info.size_bytes, Source::kApi, se::FileKind::kNone});
  }
  return files;
}

// A local bronze file mapped read-only and followed by zeroed, readable padding, so simdjson
// parses the page cache in place: no copy into a buffer. Bronze files are immutable (landed
// once, never rewritten), which is what makes mapping them safe.
class MappedFile {
 public:
  explicit MappedFile(const std::filesystem::path& path) {
    core::Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    struct stat st {};
    if (fd.get() < 0 || ::fstat(fd.get(), &st) != 0) Fail(path, "open");
    size_ = static_cast<size_t>(st.st_size);
    // One spare page past the file: the padding. Reserve it all, then map the file over it.
    const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
    static_assert(simdjson::SIMDJSON_PADDING <= 4096);
    length_ = (size_ + page - 1) / page * page + page;
    void* base = ::mmap(nullptr, length_, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED) Fail(path, "map");
    base_ = static_cast<char*>(base);
    if (size_ > 0 && ::mmap(base_, size_, PROT_READ, MAP_PRIVATE | MAP_FIXED | MAP_POPULATE,
                            fd.get(), 0) == MAP_FAILED) {
      Fail(path, "map");
    }
  }
  ~MappedFile() {
    if (base_) ::munmap(base_, length_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  const char* data() const { return base_; }
  size_t size() const { return size_; }

 private:
  [[noreturn]] void Fail(const std::filesystem::path& path, const char* what) {
    const int error = errno;
    if (base_) ::munmap(base_, length_);
    uw::Fail(ErrorCode::kIo, "cannot {} {}: {}", what, path.string(), std::strerror(error));
  }

  char* base_ = nullptr;
  size_t length_ = 0, size_ = 0;
};

// One worker's reusable state: parser, file buffer and strings.
struct Worker {
  simdjson::dom::parser parser;
  se::FileBytes bytes;  // for stores that are not local folders
  RowMaker rows;
};

FilePlays ReadFile(const storage::ObjectStore& lake, const PlayFile& file, Worker& w) {
  FilePlays out;
  out.source = file.source;
  std::optional<MappedFile> mapped;
  std::string_view bytes;
  if (const auto root = lake.LocalRoot()) {
    mapped.emplace(*root / file.key);
    bytes = std::string_view(mapped->data(), mapped->size());
  } else {
    w.bytes.Assign(lake.Get(file.key));
    bytes = w.bytes.view();
  }
  const Text key = w.rows.Intern(file.key);
  simdjson::dom::element root;
  // Both sources are padded, so the parser reads them in place.
  if (w.parser.parse(bytes.data(), bytes.size(), false).get(root)) {
    ++out.counts.unreadable_files;
    return out;
  }
  simdjson::dom::array records;
  if (file.source == Source::kApi) {
    ++out.counts.files;
    if (root["items"].get(records)) {
      ++out.counts.unreadable_files;
      return out;
    }
    w.rows.ApiItems(key, records, out.plays, out.counts);
    SortByEnd(out.plays);
    return out;
  }
  if (root.get(records)) {  // valid JSON, but not an array of records
    ++out.counts.unreadable_files;
    return out;
  }
  ++out.counts.files;
  out.rows.reserve(records.size());
  if (file.source == Source::kAccount) {
    w.rows.AccountFile(key, records, out.rows, out.counts);
  } else {
    w.rows.ExtendedFile(key, records, file.kind == se::FileKind::kExtendedVideo, out.rows,
                        out.counts);
    // Files are almost always in time order already; the merge needs them sorted.
    const auto earlier = [](const BronzeRow& a, const BronzeRow& b) {
      return a.ended_at_ms < b.ended_at_ms;
    };
    if (!std::is_sorted(out.rows.begin(), out.rows.end(), earlier)) {
      std::stable_sort(out.rows.begin(), out.rows.end(), earlier);
    }
  }
  return out;
}

// Runs read(i, worker) for every file on hardware_concurrency() threads, largest files first
// so the threads finish together. The first exception stops the others and is rethrown.
template <typename Read>
void ReadInParallel(const std::vector<PlayFile>& files, Read&& read) {
  std::vector<size_t> order(files.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return files[a].size_bytes > files[b].size_bytes; });
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&] {
    Worker worker;
    for (size_t i = next++; i < order.size(); i = next++) {
      try {
        read(order[i], worker);
      } catch (...) {
        std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        next = order.size();
      }
    }
  };
  const size_t threads =
      std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()), order.size());
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

void Add(SourceCounts& total, const SourceCounts& c) {
  total.files += c.files;
  total.unreadable_files += c.unreadable_files;
  total.records += c.records;
  total.rejected_records += c.rejected_records;
  total.no_identity_records += c.no_identity_records;
}

BronzePlays ReadPlayFiles(const storage::ObjectStore& lake, const std::vector<PlayFile>& files) {
  std::vector<FilePlays> results(files.size());
  ReadInParallel(files, [&](size_t i, Worker& w) { results[i] = ReadFile(lake, files[i], w); });
  BronzePlays out;
  std::vector<BronzeRows*> extended;
  std::vector<std::vector<PlayRecord>*> api;
  size_t account_rows = 0, extended_rows = 0;
  for (FilePlays& r : results) {
    if (r.source == Source::kApi) {
      Add(out.api_counts, r.counts);
      api.push_back(&r.plays);
    } else if (r.source == Source::kAccount) {
      Add(out.account_counts, r.counts);
      account_rows += r.rows.size();
    } else {
      Add(out.extended_counts, r.counts);
      extended.push_back(&r.rows);
      extended_rows += r.rows.size();
    }
  }
  // Account rows stay in bronze order; the others are merged by time (each file is sorted).
  out.account.reserve(account_rows);
  for (FilePlays& r : results) {
    if (r.source != Source::kAccount) continue;
    for (const BronzeRow& row : r.rows) out.account.push_back(ToPlay(row));
    BronzeRows().swap(r.rows);
  }
  out.extended.reserve(extended_rows);
  MergeRuns(extended, [&](const BronzeRow& row) { out.extended.push_back(ToPlay(row)); });
  MergeRuns(api, [&](const PlayRecord& p) { out.api.push_back(p); });
  return out;
}

}  // namespace

BronzePlays ReadBronzePlays(const storage::ObjectStore& lake) {
  return ReadPlayFiles(lake, ListPlayFiles(lake));
}

BronzePlays ReadBronzePlays(const storage::ObjectStore& lake,
                            const std::vector<std::string>& keys) {
  std::vector<PlayFile> files = ListPlayFiles(lake);
  std::erase_if(files, [&](const PlayFile& f) {
    return std::find(keys.begin(), keys.end(), f.key) == keys.end();
  });
  return ReadPlayFiles(lake, files);
}

}  // namespace uw::silver
