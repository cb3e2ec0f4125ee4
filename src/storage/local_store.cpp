#include "storage/local_store.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <random>
#include <set>

#include "core/error.h"
#include "core/fd.h"

namespace fs = std::filesystem;

namespace uw::storage {
namespace {

using core::Fd;

[[noreturn]] void FailErrno(std::string_view what, const fs::path& path) {
  Fail(ErrorCode::kIo, "{} {}: {}", what, path.string(), std::strerror(errno));
}

void WriteAll(int fd, std::string_view data, const fs::path& path) {
  size_t written = 0;
  while (written < data.size()) {
    const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      FailErrno("cannot write", path);
    }
    written += static_cast<size_t>(n);
  }
}

std::string TempSuffix() {
  static std::atomic<uint64_t> counter{0};
  thread_local std::mt19937_64 rng{std::random_device{}()};
  return std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
         std::to_string(rng() % 1000000);
}

// Starts writing the file's dirty pages to disk without waiting, so that the one Sync() at the
// end of a batch finds most of the work done (the import writes hundreds of megabytes).
void StartWriteback(int fd) { ::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE); }

bool IsTemp(const fs::path& p) { return p.filename().string().rfind(".tmp-", 0) == 0; }

// ".tmp-<pid>-<n>-<random>-<name>.partial": hidden, and never ending in the target's extension,
// so globbing readers (`*.parquet`) skip a temporary a killed writer left behind.
fs::path TempName(const fs::path& target) {
  return target.parent_path() /
         (".tmp-" + TempSuffix() + "-" + target.filename().string() + ".partial");
}

// The writer's pid in a temporary's name, or 0.
pid_t TempOwner(const fs::path& p) {
  const std::string name = p.filename().string();
  return static_cast<pid_t>(std::strtol(name.c_str() + 5, nullptr, 10));
}

int64_t MillisOf(const struct stat& st) {
  return static_cast<int64_t>(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
}

}  // namespace

LocalStore::LocalStore(fs::path root) : root_(fs::absolute(std::move(root)).lexically_normal()) {
  std::error_code ec;
  fs::create_directories(root_, ec);
  if (ec)
    Fail(ErrorCode::kIo, "cannot create the lake folder {}: {}", root_.string(), ec.message());
}

fs::path LocalStore::PathOf(std::string_view key) const {
  // Keys come from core/lake_paths.h, never from user input; still refuse escapes outright.
  if (key.empty() || key.front() == '/' || key.find("..") != std::string_view::npos) {
    Fail(ErrorCode::kInternal, "invalid object key \"{}\"", key);
  }
  return root_ / fs::path(std::string(key));
}

std::string LocalStore::Get(std::string_view key) const {
  const fs::path path = PathOf(key);
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    if (errno == ENOENT) Fail(ErrorCode::kNotFound, "{} does not exist", path.string());
    FailErrno("cannot open", path);
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) FailErrno("cannot stat", path);
  std::string data(static_cast<size_t>(st.st_size), '\0');
  size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::read(fd.get(), data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) FailErrno("cannot read", path);
    if (n == 0) break;
    done += static_cast<size_t>(n);
  }
  data.resize(done);
  return data;
}

std::string LocalStore::GetRange(std::string_view key, uint64_t offset, uint64_t length) const {
  const fs::path path = PathOf(key);
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    if (errno == ENOENT) Fail(ErrorCode::kNotFound, "{} does not exist", path.string());
    FailErrno("cannot open", path);
  }
  std::string data(length, '\0');
  size_t done = 0;
  while (done < length) {
    const ssize_t n = ::pread(fd.get(), data.data() + done, length - done, offset + done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) FailErrno("cannot read", path);
    if (n == 0)
      Fail(ErrorCode::kIo, "{}: range {}+{} is past the end of the file", path.string(), offset,
           length);
    done += static_cast<size_t>(n);
  }
  return data;
}

std::optional<ObjectInfo> LocalStore::Stat(std::string_view key) const {
  struct stat st {};
  if (::stat(PathOf(key).c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return ObjectInfo{std::string(key), static_cast<uint64_t>(st.st_size), MillisOf(st)};
}

fs::path LocalStore::WriteTemp(const fs::path& target, std::string_view data) const {
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) Fail(ErrorCode::kIo, "cannot create {}: {}", target.parent_path().string(), ec.message());
  const fs::path temp = target.parent_path() / TempName(target);
  Fd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
  if (fd.get() < 0) FailErrno("cannot create", temp);
  try {
    WriteAll(fd.get(), data, temp);
  } catch (...) {
    ::unlink(temp.c_str());
    throw;
  }
  StartWriteback(fd.get());
  return temp;
}

void LocalStore::Put(std::string_view key, std::string_view data) {
  const fs::path target = PathOf(key);
  const fs::path temp = WriteTemp(target, data);
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    ::unlink(temp.c_str());
    FailErrno("cannot publish", target);
  }
  Written(target);
}

void LocalStore::Written(const fs::path& path) const {
  std::lock_guard lock(pending_mutex_);
  pending_files_.push_back(path);
}

bool LocalStore::LinkTemp(const fs::path& temp, const fs::path& target) const {
  // link() fails with EEXIST if another writer got there first: readers never see a partial file.
  const int rc = ::link(temp.c_str(), target.c_str());
  const int err = errno;
  ::unlink(temp.c_str());
  if (rc == 0) {
    Written(target);
    return true;
  }
  if (err == EEXIST) return false;
  errno = err;
  FailErrno("cannot publish", target);
}

bool LocalStore::PutIfAbsent(std::string_view key, std::string_view data) {
  const fs::path target = PathOf(key);
  if (fs::exists(target)) return false;
  return LinkTemp(WriteTemp(target, data), target);
}

namespace {

bool SameFile(const struct stat& a, const struct stat& b) {
  return a.st_size == b.st_size && a.st_mtim.tv_sec == b.st_mtim.tv_sec &&
         a.st_mtim.tv_nsec == b.st_mtim.tv_nsec && a.st_ino == b.st_ino;
}

// Copies `size` bytes from `in` to `out` inside the kernel. False when the file system cannot
// (the caller then writes from memory).
bool KernelCopy(int in, int out, uint64_t size) {
  loff_t in_off = 0, out_off = 0;
  while (static_cast<uint64_t>(in_off) < size) {
    const ssize_t n = ::copy_file_range(in, &in_off, out, &out_off, size - in_off, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
  }
  return true;
}

}  // namespace

bool LocalStore::PutIfAbsentFromFile(std::string_view key, const fs::path& source,
                                     std::string_view bytes) {
  const fs::path target = PathOf(key);
  if (fs::exists(target)) return false;
  Fd in(::open(source.c_str(), O_RDONLY | O_CLOEXEC));
  struct stat before {};
  if (in.get() < 0 || ::fstat(in.get(), &before) != 0 ||
      static_cast<uint64_t>(before.st_size) != bytes.size()) {
    return PutIfAbsent(key, bytes);
  }
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) Fail(ErrorCode::kIo, "cannot create {}: {}", target.parent_path().string(), ec.message());
  const fs::path temp = target.parent_path() / TempName(target);
  bool copied = false;
  {
    Fd out(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
    if (out.get() < 0) FailErrno("cannot create", temp);
    copied = KernelCopy(in.get(), out.get(), bytes.size());
    if (copied) StartWriteback(out.get());
  }
  struct stat after {};
  // The bytes that were hashed and validated are the truth: if the file changed meanwhile (or
  // the kernel could not copy), land them from memory instead.
  if (!copied || ::fstat(in.get(), &after) != 0 || !SameFile(before, after)) {
    ::unlink(temp.c_str());
    return PutIfAbsent(key, bytes);
  }
  return LinkTemp(temp, target);
}

std::vector<ObjectInfo> LocalStore::List(std::string_view prefix) const {
  // Walk only the deepest folder named by the prefix, then filter by the full prefix.
  const std::string prefix_str(prefix);
  const auto slash = prefix_str.rfind('/');
  const fs::path start = slash == std::string::npos ? root_ : root_ / prefix_str.substr(0, slash);
  std::vector<ObjectInfo> out;
  std::error_code ec;
  if (!fs::is_directory(start, ec)) return out;
  for (auto it = fs::recursive_directory_iterator(start, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec) || IsTemp(it->path())) continue;
    std::string key = it->path().lexically_relative(root_).generic_string();
    if (key.rfind(prefix_str, 0) != 0) continue;
    struct stat st {};
    if (::stat(it->path().c_str(), &st) != 0) continue;
    out.push_back({std::move(key), static_cast<uint64_t>(st.st_size), MillisOf(st)});
  }
  if (ec) Fail(ErrorCode::kIo, "cannot list {}: {}", start.string(), ec.message());
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
  return out;
}

size_t LocalStore::RemoveAbandonedTemporaries(std::string_view prefix) {
  const fs::path start = root_ / std::string(prefix);
  size_t removed = 0;
  std::error_code ec;
  if (!fs::is_directory(start, ec)) return 0;
  std::vector<fs::path> abandoned;
  for (auto it = fs::recursive_directory_iterator(start, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!IsTemp(it->path())) continue;
    const pid_t owner = TempOwner(it->path());
    // The writer no longer exists (ESRCH); a live writer (this process included) keeps its file.
    if (owner <= 0 || (::kill(owner, 0) != 0 && errno == ESRCH)) {
      abandoned.push_back(it->path());
    }
  }
  for (const fs::path& path : abandoned) removed += ::unlink(path.c_str()) == 0 ? 1 : 0;
  return removed;
}

bool LocalStore::Delete(std::string_view key) {
  const fs::path path = PathOf(key);
  if (::unlink(path.c_str()) == 0) {
    std::lock_guard lock(pending_mutex_);
    pending_folders_.push_back(path.parent_path());
    return true;
  }
  if (errno == ENOENT) return false;
  FailErrno("cannot delete", path);
}

namespace {

// A few files (an hourly run, an incremental build) are synced one by one; beyond this many, one
// syncfs is cheaper than an fsync per file and folder.
constexpr size_t kFsyncEachLimit = 32;

// fsync of a file or folder; one that no longer exists has nothing left to make durable.
void FsyncPath(const fs::path& path, bool folder) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | (folder ? O_DIRECTORY : 0)));
  if (fd.get() < 0) {
    if (errno == ENOENT) return;
    FailErrno("cannot open", path);
  }
  if (::fsync(fd.get()) != 0) FailErrno("cannot sync", path);
}

}  // namespace

void LocalStore::Sync() {
  std::vector<fs::path> files, folders;
  {
    std::lock_guard lock(pending_mutex_);
    files.swap(pending_files_);
    folders.swap(pending_folders_);
  }
  if (files.size() + folders.size() > kFsyncEachLimit) {
    Fd fd(::open(root_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0) FailErrno("cannot open", root_);
    // One syncfs for a whole batch: the receipt that claims the data landed is written after
    // this returns.
    if (::syncfs(fd.get()) != 0) FailErrno("cannot sync", root_);
    return;
  }
  // syncfs would also wait for every other program's writes on the file system: for a few files,
  // each file, then every folder from its own up to the root (new folders and renames live in
  // their parents' entries).
  std::set<fs::path> parents(folders.begin(), folders.end());
  const size_t root_length = root_.string().size();
  for (const fs::path& file : files) {
    FsyncPath(file, false);
    for (fs::path folder = file.parent_path();; folder = folder.parent_path()) {
      parents.insert(folder);
      if (folder.string().size() <= root_length || folder == folder.parent_path()) break;
    }
  }
  for (const fs::path& folder : parents) FsyncPath(folder, true);
}

std::string LocalStore::Url() const { return "file://" + root_.string(); }

}  // namespace uw::storage
