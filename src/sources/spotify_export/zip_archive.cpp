#include "sources/spotify_export/zip_archive.h"

#include <zip.h>

#include <algorithm>

#include "core/error.h"
#include "core/text.h"

namespace uw::spotify_export {
namespace {

constexpr size_t kChunkBytes = 1 << 20;

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};
struct ZipSourceFreer {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;
using ZipFilePtr = std::unique_ptr<zip_file_t, ZipFileCloser>;
using ZipSourcePtr = std::unique_ptr<zip_source_t, ZipSourceFreer>;

// zip_error_t needs init/fini around every use.
class ZipError {
 public:
  ZipError() { zip_error_init(&error_); }
  explicit ZipError(int code) { zip_error_init_with_code(&error_, code); }
  ~ZipError() { zip_error_fini(&error_); }
  ZipError(const ZipError&) = delete;
  ZipError& operator=(const ZipError&) = delete;
  zip_error_t* get() { return &error_; }
  std::string Message() { return zip_error_strerror(&error_); }

 private:
  zip_error_t error_;
};

std::vector<ZipArchive::Entry> ListEntries(zip_t* zip) {
  std::vector<ZipArchive::Entry> entries;
  const zip_int64_t count = zip_get_num_entries(zip, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip, static_cast<zip_uint64_t>(i), 0, &st) != 0) continue;
    ZipArchive::Entry e;
    e.index = static_cast<uint64_t>(i);
    e.name = (st.valid & ZIP_STAT_NAME) && st.name ? st.name : "";
    e.compressed_bytes = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    e.is_directory = !e.name.empty() && e.name.back() == '/';
    e.encrypted = (st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE;
    entries.push_back(std::move(e));
  }
  return entries;
}

}  // namespace

struct ZipArchive::Handle {
  ZipPtr zip;
};

ZipArchive::ZipArchive(std::unique_ptr<Handle> handle) : handle_(std::move(handle)) {
  entries_ = ListEntries(handle_->zip.get());
}

ZipArchive::~ZipArchive() = default;

std::unique_ptr<ZipArchive> ZipArchive::Open(const std::filesystem::path& path) {
  int code = 0;
  ZipPtr zip(zip_open(path.c_str(), ZIP_RDONLY, &code));
  if (!zip) {
    ZipError error(code);
    Fail(ErrorCode::kInput, "not a readable ZIP archive: {}", error.Message());
  }
  return std::unique_ptr<ZipArchive>(
      new ZipArchive(std::make_unique<Handle>(Handle{std::move(zip)})));
}

std::unique_ptr<ZipArchive> ZipArchive::OpenBuffer(std::string_view bytes) {
  ZipError error;
  ZipSourcePtr source(zip_source_buffer_create(bytes.data(), bytes.size(), 0, error.get()));
  if (!source) Fail(ErrorCode::kInput, "cannot read the nested ZIP: {}", error.Message());
  ZipPtr zip(zip_open_from_source(source.get(), ZIP_RDONLY, error.get()));
  if (!zip) Fail(ErrorCode::kInput, "not a readable ZIP archive: {}", error.Message());
  source.release();  // the archive owns the source once opened
  return std::unique_ptr<ZipArchive>(
      new ZipArchive(std::make_unique<Handle>(Handle{std::move(zip)})));
}

void ZipArchive::Read(const Entry& entry, const ZipLimits& limits, ByteBudget& budget,
                      FileBytes& out) const {
  out.Clear();
  ZipFilePtr file(zip_fopen_index(handle_->zip.get(), entry.index, 0));
  if (!file) Fail(ErrorCode::kInput, "cannot open the entry: {}", zip_strerror(handle_->zip.get()));
  const double ratio_cap =
      limits.max_ratio * static_cast<double>(std::max<uint64_t>(entry.compressed_bytes, 1));
  while (true) {
    const size_t old_size = out.size();
    out.Resize(old_size + kChunkBytes);
    const zip_int64_t n = zip_fread(file.get(), out.data() + old_size, kChunkBytes);
    out.Resize(old_size + static_cast<size_t>(std::max<zip_int64_t>(n, 0)));
    if (n < 0) Fail(ErrorCode::kInput, "corrupt entry: {}", zip_file_strerror(file.get()));
    if (n == 0) break;
    if (out.size() > limits.max_entry_bytes) {
      Fail(ErrorCode::kInput, "entry is larger than {} (import_max_entry_bytes); not read further",
           core::HumanBytes(limits.max_entry_bytes));
    }
    if (out.size() > kRatioFloorBytes && static_cast<double>(out.size()) > ratio_cap) {
      Fail(ErrorCode::kInput,
           "entry inflates more than {}x its compressed size (import_max_ratio): a ZIP bomb?",
           limits.max_ratio);
    }
    if (!budget.Take(static_cast<uint64_t>(n))) {
      Fail(ErrorCode::kInput, "the archive holds more than {} in total (import_max_total_bytes)",
           core::HumanBytes(budget.limit()));
    }
  }
}

bool IsUnsafeEntryName(std::string_view name) {
  if (name.empty()) return false;
  if (name.front() == '/' || name.front() == '\\') return true;
  if (name.size() >= 2 && name[1] == ':') return true;  // a Windows drive: C:…
  size_t start = 0;
  while (start <= name.size()) {
    const size_t end = std::min(name.find_first_of("/\\", start), name.size());
    if (name.substr(start, end - start) == "..") return true;
    start = end + 1;
  }
  return false;
}

bool LooksLikeZip(std::string_view bytes) {
  return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4) ||
         bytes.substr(0, 4) == std::string_view("PK\x05\x06", 4);
}

}  // namespace uw::spotify_export
