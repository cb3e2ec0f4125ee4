#include "generator/zip_packer.h"

#include <zip.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"

namespace uw::generator {
namespace {

// zip_t is closed explicitly on success; on any failure the deleter discards the half-written
// archive.
struct ZipDiscard {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipDiscard>;

[[noreturn]] void ZipFail(zip_t* z, const std::filesystem::path& path, std::string_view what) {
  Fail(ErrorCode::kIo, "cannot write {}: {}: {}", path.string(), what, zip_strerror(z));
}

void Stamp(zip_t* z, zip_int64_t index, std::time_t mtime, zip_uint32_t mode,
           const std::filesystem::path& path) {
  if (zip_file_set_mtime(z, static_cast<zip_uint64_t>(index), mtime, 0) != 0 ||
      zip_file_set_external_attributes(z, static_cast<zip_uint64_t>(index), 0, ZIP_OPSYS_UNIX,
                                       mode << 16) != 0) {
    ZipFail(z, path, "setting entry attributes");
  }
}

}  // namespace

int64_t PackFolder(const std::filesystem::path& folder, const std::filesystem::path& zip_path,
                   std::time_t mtime) {
  int error = 0;
  ZipPtr zip(zip_open(zip_path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error));
  if (!zip) {
    zip_error_t ze;
    zip_error_init_with_code(&ze, error);
    const std::string message = zip_error_strerror(&ze);
    zip_error_fini(&ze);
    Fail(ErrorCode::kIo, "cannot create {}: {}", zip_path.string(), message);
  }
  const std::string prefix = folder.filename().string() + "/";
  const zip_int64_t dir = zip_dir_add(zip.get(), prefix.c_str(), ZIP_FL_ENC_UTF_8);
  if (dir < 0) ZipFail(zip.get(), zip_path, "adding the folder");
  Stamp(zip.get(), dir, mtime, 040755, zip_path);
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    zip_source_t* source = zip_source_file(zip.get(), file.c_str(), 0, 0);
    if (!source) ZipFail(zip.get(), zip_path, file.filename().string());
    const std::string name = prefix + file.filename().string();
    const zip_int64_t index = zip_file_add(zip.get(), name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(source);
      ZipFail(zip.get(), zip_path, name);
    }
    if (zip_set_file_compression(zip.get(), static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 6) !=
        0) {
      ZipFail(zip.get(), zip_path, "choosing deflate");
    }
    Stamp(zip.get(), index, mtime, 0100644, zip_path);
  }
  if (zip_close(zip.get()) != 0) ZipFail(zip.get(), zip_path, "finishing the archive");
  zip.release();  // zip_close freed it
  return static_cast<int64_t>(files.size());
}

}  // namespace uw::generator
