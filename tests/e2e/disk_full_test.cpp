// End-to-end: the lake on a full disk. A small tmpfs mounted over the lake folder runs out of
// space during `import` and during `build`. Each failed run must say which file it could not
// write, leave no partly written file behind, keep bronze to complete files and the tables at
// their previous version, and release the lake lock; once space is freed the same commands
// complete and produce exactly what they produce on a roomy disk (files are content-named, so
// equal names mean equal bytes). Mounting needs root (CAP_SYS_ADMIN): elsewhere the test skips.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "testing/lake_runs.h"
#include "testing/testing.h"

namespace uw {
namespace {

namespace fs = std::filesystem;
using testing::RunResult;
using testing::RunUnwrapped;
using testing::TempDir;

// A tmpfs of a given size mounted on a folder for the life of the object.
class Tmpfs {
 public:
  // Empty when mounting is not allowed here, with the reason.
  static std::string TryMount(const fs::path& at, const std::string& size, Tmpfs& out) {
    fs::create_directories(at);
    const std::string options = "size=" + size;
    if (mount("tmpfs", at.c_str(), "tmpfs", 0, options.c_str()) != 0)
      return std::string("cannot mount a tmpfs: ") + std::strerror(errno);
    out.at_ = at;
    return "";
  }
  Tmpfs() = default;
  Tmpfs(const Tmpfs&) = delete;
  Tmpfs& operator=(const Tmpfs&) = delete;
  ~Tmpfs() {
    // Lazy: a test that failed half-way may still hold a file open in it.
    if (!at_.empty()) umount2(at_.c_str(), MNT_DETACH);
  }

  // Grows (or shrinks) the filesystem; its files stay.
  void Resize(const std::string& size) const {
    const std::string options = "size=" + size;
    ASSERT_EQ(mount("tmpfs", at_.c_str(), "tmpfs", MS_REMOUNT, options.c_str()), 0)
        << std::strerror(errno);
  }

 private:
  fs::path at_;
};

// A file taking all but `leave` bytes of the free space of the filesystem holding `path`.
void FillAllBut(const fs::path& path, uint64_t leave) {
  struct statvfs st {};
  ASSERT_EQ(statvfs(path.parent_path().c_str(), &st), 0);
  const uint64_t free_bytes = uint64_t(st.f_bavail) * st.f_frsize;
  ASSERT_GT(free_bytes, leave);
  const int fd = ::open(path.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0644);
  ASSERT_GE(fd, 0);
  const int rc = posix_fallocate(fd, 0, off_t(free_bytes - leave));
  ::close(fd);
  ASSERT_EQ(rc, 0) << std::strerror(rc);
}

std::vector<std::string> Args(const fs::path& lake, std::vector<std::string> rest) {
  // --lock-wait 0: a lock left behind by a failed run would fail the next one at once.
  rest.insert(rest.begin(), {"--lock-wait", "0"});
  return testing::LakeArgs(lake, std::move(rest));
}

// Files under `dir`, relative to it, that satisfy `keep`.
std::set<std::string> FilesUnder(const fs::path& dir, bool (*keep)(const fs::path&)) {
  std::set<std::string> files;
  if (!fs::exists(dir)) return files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && keep(e.path())) files.insert(fs::relative(e.path(), dir).string());
  }
  return files;
}

bool AnyFile(const fs::path&) { return true; }
bool IsParquet(const fs::path& p) { return p.extension() == ".parquet"; }
bool IsCommit(const fs::path& p) { return p.parent_path().filename() == "_delta_log"; }
// What a writer leaves while a file is being written (publish renames it away).
bool IsPartial(const fs::path& p) {
  const std::string name = p.filename().string();
  return name.starts_with(".tmp-") || name.ends_with(".partial");
}

void ExpectNoSpaceError(const RunResult& run, const fs::path& lake) {
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_NE(run.err.find("No space left on device"), std::string::npos) << run.err;
  // Names the file it could not write, inside the lake.
  EXPECT_NE(run.err.find("cannot write " + lake.string() + "/"), std::string::npos) << run.err;
  EXPECT_EQ(FilesUnder(lake, IsPartial), std::set<std::string>{});
}

class DiskFullE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    if (geteuid() != 0) GTEST_SKIP() << "mounting a tmpfs needs root";
    // 14 MB: import lands files on two threads, and the two largest (6.9 and 4.4 MB) must fit at
    // once, or neither may complete and nothing lands (timing decides); the export is 20 MB.
    const std::string why = Tmpfs::TryMount(lake_, "14m", tmpfs_);
    if (!why.empty()) GTEST_SKIP() << why;
    // 20k plays: about 20 MB of export in files of up to 7 MB, so 14 MB holds some but not all.
    const RunResult gen = RunUnwrapped(
        {"generate", "--events", "20000", "--seed", "5", "--out", (dir_ / "gen").string()});
    ASSERT_EQ(gen.exit_code, 0) << gen.err;
    // The same job on a roomy disk: what the full one must end up with.
    ASSERT_EQ(RunUnwrapped(Args(roomy_, {"import", Export()})).exit_code, 0);
    ASSERT_EQ(RunUnwrapped(Args(roomy_, {"build"})).exit_code, 0);
  }

  std::string Export() const { return (dir_ / "gen" / "export").string(); }

  // The lake on the small disk holds the same table files as the roomy one (content-named).
  void ExpectSameTables() const {
    for (const char* layer : {"silver", "gold"}) {
      EXPECT_EQ(FilesUnder(lake_ / layer, IsParquet), FilesUnder(roomy_ / layer, IsParquet))
          << layer;
    }
  }

  TempDir dir_;  // declared first: removed after the tmpfs is unmounted
  fs::path lake_ = dir_ / "lake";
  fs::path roomy_ = dir_ / "roomy";
  Tmpfs tmpfs_;
};

TEST_F(DiskFullE2e, ImportAndBuildFailCleanlyAndCompleteOnceThereIsSpace) {
  // Import runs out of space part-way: what landed is whole, the rest lands on the re-run.
  ExpectNoSpaceError(RunUnwrapped(Args(lake_, {"import", Export()})), lake_);
  const std::set<std::string> all_bronze = FilesUnder(roomy_ / "bronze", AnyFile);
  const std::set<std::string> landed = FilesUnder(lake_ / "bronze", AnyFile);
  EXPECT_FALSE(landed.empty()) << "14 MB should hold a file or two";
  EXPECT_LT(landed.size(), all_bronze.size());
  for (const std::string& file : landed) {
    ASSERT_TRUE(all_bronze.count(file)) << file;  // content-named: equal name, equal bytes
    EXPECT_EQ(fs::file_size(lake_ / "bronze" / file), fs::file_size(roomy_ / "bronze" / file))
        << file;
  }

  tmpfs_.Resize("96m");
  const RunResult imported = RunUnwrapped(Args(lake_, {"import", Export()}));
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(FilesUnder(lake_ / "bronze", AnyFile), all_bronze);

  // The first build runs out of space: nothing is published, and the next build completes.
  const fs::path filler = lake_ / "filler";
  FillAllBut(filler, 64 * 1024);
  ExpectNoSpaceError(RunUnwrapped(Args(lake_, {"build"})), lake_);
  EXPECT_EQ(FilesUnder(lake_, IsCommit), std::set<std::string>{});
  fs::remove(filler);
  const RunResult built = RunUnwrapped(Args(lake_, {"build"}));
  ASSERT_EQ(built.exit_code, 0) << built.err;
  ExpectSameTables();

  // A build of newly imported data runs out of space: the tables stay at the version just
  // built, every file of it in place, and once there is space the build completes.
  const RunResult more = RunUnwrapped(
      {"generate", "--events", "3000", "--seed", "6", "--out", (dir_ / "more").string()});
  ASSERT_EQ(more.exit_code, 0) << more.err;
  const std::string more_export = (dir_ / "more" / "export").string();
  ASSERT_EQ(RunUnwrapped(Args(lake_, {"import", more_export})).exit_code, 0);
  ASSERT_EQ(RunUnwrapped(Args(roomy_, {"import", more_export})).exit_code, 0);
  ASSERT_EQ(RunUnwrapped(Args(roomy_, {"build"})).exit_code, 0);
  const std::set<std::string> commits = FilesUnder(lake_, IsCommit);
  const std::set<std::string> tables = FilesUnder(lake_, IsParquet);
  FillAllBut(filler, 64 * 1024);
  ExpectNoSpaceError(RunUnwrapped(Args(lake_, {"build"})), lake_);
  EXPECT_EQ(FilesUnder(lake_, IsCommit), commits);
  const std::set<std::string> after = FilesUnder(lake_, IsParquet);
  EXPECT_TRUE(std::includes(after.begin(), after.end(), tables.begin(), tables.end()))
      << "a file of the published version is gone";
  fs::remove(filler);
  const RunResult rebuilt = RunUnwrapped(Args(lake_, {"build"}));
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
  ExpectSameTables();
}

}  // namespace
}  // namespace uw
