#include "sources/spotify_export/input_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/error.h"
#include "core/fd.h"
#include "core/text.h"
#include "sources/spotify_export/file_names.h"

namespace uw::spotify_export {
namespace {

namespace fs = std::filesystem;

using core::Fd;

[[noreturn]] void FailErrno(std::string_view what) {
  Fail(ErrorCode::kInput, "{}: {}", what, std::strerror(errno));
}

// The whole file into `out`, refusing more than max_bytes (checked while reading, not only
// from stat).
void ReadLocalFile(const fs::path& path, uint64_t max_bytes, FileBytes& out) {
  out.Clear();
  // O_NONBLOCK: opening a FIFO must not hang the import (it is then refused as not regular).
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  if (fd.get() < 0) FailErrno("cannot open");
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) FailErrno("cannot stat");
  if (!S_ISREG(st.st_mode)) Fail(ErrorCode::kInput, "not a regular file");
  const auto size = static_cast<uint64_t>(st.st_size);
  if (size > max_bytes) {
    Fail(ErrorCode::kInput, "file is larger than {} (import_max_entry_bytes)",
         core::HumanBytes(max_bytes));
  }
  out.Resize(size);
  size_t done = 0;
  while (done < size) {
    const ssize_t n = ::read(fd.get(), out.data() + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) FailErrno("cannot read");
    if (n == 0) break;  // the file shrank while we read it
    done += static_cast<size_t>(n);
  }
  out.Resize(done);
}

std::string ReadHead(const fs::path& path) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  char buf[4];
  const ssize_t n = fd.get() < 0 ? -1 : ::read(fd.get(), buf, sizeof buf);
  return n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
}

InputRef ErrorRef(std::string display, const fs::path& path, std::string error) {
  InputRef ref;
  ref.display_name = std::move(display);
  ref.path = path;
  ref.error = std::move(error);
  return ref;
}

// Why an entry is not extracted, or "" when it is fine.
std::string EntryProblem(const ZipArchive::Entry& e) {
  if (IsUnsafeEntryName(e.name)) {
    return "unsafe path in the archive (absolute or \"..\"); not extracted";
  }
  if (e.encrypted) return "encrypted entry; not supported";
  return {};
}

class Lister {
 public:
  Lister(const InputLimits& limits, const std::vector<fs::path>& exclude) : limits_(limits) {
    for (const auto& p : exclude) {
      std::error_code ec;
      exclude_.push_back(fs::weakly_canonical(p, ec));
    }
  }

  void AddPath(const fs::path& path, const std::string& display) {
    if (IsExcluded(path)) return;
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      out_.push_back(ErrorRef(
          display, path,
          "cannot open: " + (ec ? ec.message() : std::string("No such file or directory"))));
    } else if (fs::is_directory(st)) {
      AddFolder(path, display);
    } else {
      AddFile(path, display);
    }
  }

  std::vector<InputRef> Take() { return std::move(out_); }

 private:
  bool IsExcluded(const fs::path& path) const {
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(path, ec);
    return std::find(exclude_.begin(), exclude_.end(), canonical) != exclude_.end();
  }

  void AddFolder(const fs::path& dir, const std::string& display) {
    std::error_code ec;
    std::vector<fs::directory_entry> children;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      children.push_back(*it);
    }
    if (ec) {
      out_.push_back(ErrorRef(display, dir, "cannot read the folder: " + ec.message()));
      return;
    }
    std::sort(children.begin(), children.end(), [](const auto& a, const auto& b) {
      return a.path().filename() < b.path().filename();
    });
    for (const auto& child : children) {
      const std::string child_display = (fs::path(display) / child.path().filename()).string();
      const auto link_status = child.symlink_status(ec);
      if (fs::is_directory(link_status)) {
        if (!IsExcluded(child.path())) AddFolder(child.path(), child_display);
      } else if (!(fs::is_symlink(link_status) && fs::is_directory(child.status(ec)))) {
        AddFile(child.path(), child_display);  // dangling links are reported when read
      }
    }
  }

  void AddFile(const fs::path& path, const std::string& display) {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (fs::exists(st) && !fs::is_regular_file(st)) {
      out_.push_back(ErrorRef(display, path, "not a regular file"));  // a FIFO, socket or device
      return;
    }
    const uint64_t size = fs::file_size(path, ec);
    if (!LooksLikeZip(ReadHead(path))) {
      InputRef ref;
      ref.display_name = display;
      ref.path = path;
      ref.size_hint = ec ? 0 : size;
      out_.push_back(std::move(ref));
      return;
    }
    AddArchive(path, display);
  }

  void AddArchive(const fs::path& path, const std::string& display) {
    std::unique_ptr<ZipArchive> zip;
    try {
      zip = ZipArchive::Open(path);
    } catch (const Error& e) {
      out_.push_back(ErrorRef(display, path, e.what()));
      return;
    }
    auto budget = std::make_shared<ByteBudget>(limits_.max_total_bytes);
    const size_t listed = out_.size();
    for (const auto& entry : zip->entries()) {
      if (entry.is_directory) continue;
      InputRef ref = ErrorRef(display + "!" + entry.name, path, EntryProblem(entry));
      ref.entry_index = entry.index;
      ref.entry_name = entry.name;
      ref.size_hint = entry.compressed_bytes;
      ref.budget = budget;
      out_.push_back(std::move(ref));
    }
    if (out_.size() == listed) {
      out_.push_back(ErrorRef(display, path, "the ZIP archive holds no files"));
    }
  }

  const InputLimits& limits_;
  std::vector<fs::path> exclude_;
  std::vector<InputRef> out_;
};

ZipLimits ZipLimitsOf(const InputLimits& limits) {
  return {limits.max_entry_bytes, limits.max_ratio};
}

const ZipArchive::Entry& FindEntry(const ZipArchive& zip, uint64_t index) {
  for (const auto& e : zip.entries()) {
    if (e.index == index) return e;
  }
  Fail(ErrorCode::kInput, "the entry disappeared from the archive");
}

// The entries of a ZIP found inside a ZIP: opened once, and no deeper (DESIGN §8.8).
void ExpandNested(InputFile& outer, const InputLimits& limits, ByteBudget& budget,
                  const std::function<void(const InputFile&)>& sink) {
  std::unique_ptr<ZipArchive> zip;
  try {
    zip = ZipArchive::OpenBuffer(outer.bytes);
  } catch (const Error& e) {
    outer.bytes = {};
    outer.error = e.what();
    return sink(outer);
  }
  FileBytes buffer;
  for (const auto& entry : zip->entries()) {
    if (entry.is_directory) continue;
    InputFile inner{outer.display_name + "!" + entry.name,
                    std::string(BaseName(entry.name)),
                    {},
                    EntryProblem(entry)};
    if (inner.error.empty()) {
      try {
        zip->Read(entry, ZipLimitsOf(limits), budget, buffer);
        inner.bytes = buffer.view();
      } catch (const Error& e) {
        inner.error = e.what();
      }
    }
    if (LooksLikeZip(inner.bytes)) {
      inner.bytes = {};
      inner.error = "a ZIP inside a nested ZIP (only one level of nesting is opened)";
    }
    sink(inner);
  }
}

}  // namespace

std::vector<InputRef> ListInputs(const std::vector<fs::path>& inputs, const InputLimits& limits,
                                 const std::vector<fs::path>& exclude) {
  Lister lister(limits, exclude);
  for (const auto& input : inputs) lister.AddPath(input, input.string());
  return lister.Take();
}

void LoadInput(const InputRef& ref, const InputLimits& limits, FileBytes& buffer,
               const std::function<void(const InputFile&)>& sink) {
  InputFile file;
  file.display_name = ref.display_name;
  file.name =
      std::string(BaseName(ref.entry_index ? ref.entry_name : ref.path.filename().string()));
  file.error = ref.error;
  if (file.error.empty()) {
    try {
      if (!ref.entry_index) {
        ReadLocalFile(ref.path, limits.max_entry_bytes, buffer);
        file.source_path = ref.path;
      } else {
        const auto zip = ZipArchive::Open(ref.path);
        zip->Read(FindEntry(*zip, *ref.entry_index), ZipLimitsOf(limits), *ref.budget, buffer);
      }
      file.bytes = buffer.view();
    } catch (const Error& e) {
      file.error = e.what();
    }
  }
  if (ref.entry_index && LooksLikeZip(file.bytes)) {
    return ExpandNested(file, limits, *ref.budget, sink);
  }
  sink(file);
}

}  // namespace uw::spotify_export
