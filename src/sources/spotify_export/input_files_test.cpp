#include "sources/spotify_export/input_files.h"

#include <gtest/gtest.h>
#include <simdjson.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include "sources/spotify_export/test_zip.h"
#include "testing/testing.h"

namespace uw::spotify_export {
namespace {

namespace fs = std::filesystem;
using testing::BuildTestZip;
using testing::DeflatedEntry;
using testing::StoredEntry;
using testing::TestZipEntry;
using uw::testing::TempDir;
using uw::testing::WriteFile;

// A loaded file with its own copy of the bytes (the loader's buffer is reused).
struct Loaded {
  std::string display_name, name, bytes, error;
};

std::vector<Loaded> LoadAll(const std::vector<fs::path>& inputs, const InputLimits& limits = {},
                            const std::vector<fs::path>& exclude = {}) {
  std::vector<Loaded> out;
  FileBytes buffer;
  for (const auto& ref : ListInputs(inputs, limits, exclude)) {
    LoadInput(ref, limits, buffer, [&](const InputFile& f) {
      out.push_back({f.display_name, f.name, std::string(f.bytes), f.error});
      // Top-level files and entries are read into the caller's buffer (nested ones use their own).
      const bool nested = std::count(f.display_name.begin(), f.display_name.end(), '!') > 1;
      if (f.error.empty() && !nested) {
        EXPECT_EQ(f.bytes.data(), buffer.view().data());
      }
    });
  }
  return out;
}

TEST(UnsafeEntryName, AbsoluteAndParentPathsAreUnsafe) {
  for (const char* bad : {"../x.json", "/etc/passwd", "\\x.json", "C:\\x.json", "C:x", "a/../../x",
                          "a\\..\\x", ".."}) {
    EXPECT_TRUE(IsUnsafeEntryName(bad)) << bad;
  }
  for (const char* ok : {"x.json", "a/b/x.json", "a/./x.json", "..x.json", "x..json", "dir/"}) {
    EXPECT_FALSE(IsUnsafeEntryName(ok)) << ok;
  }
}

TEST(InputFiles, FolderIsWalkedRecursivelyInNameOrder) {
  TempDir dir;
  WriteFile(dir / "b.json", "[]");
  WriteFile(dir / "a/z.json", "[1]");
  WriteFile(dir / "a/y.json", "[2]");
  const auto files = LoadAll({dir.path()});
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0].display_name, (dir / "a/y.json").string());
  EXPECT_EQ(files[0].name, "y.json");
  EXPECT_EQ(files[0].bytes, "[2]");
  EXPECT_EQ(files[1].bytes, "[1]");
  EXPECT_EQ(files[2].bytes, "[]");
}

TEST(InputFiles, MissingDanglingAndExcludedPaths) {
  TempDir dir;
  WriteFile(dir / "in/good.json", "[]");
  fs::create_symlink(dir / "nowhere.json", dir / "in/dangling.json");
  WriteFile(dir / "in/lake/bronze/x.json", "[]");
  const auto files = LoadAll({dir / "missing.json", dir / "in"}, {}, {dir / "in/lake"});
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0].error, "cannot open: No such file or directory");
  EXPECT_EQ(files[1].name, "dangling.json");
  EXPECT_EQ(files[1].error, "cannot open: No such file or directory");
  EXPECT_EQ(files[2].name, "good.json");
  EXPECT_TRUE(files[2].error.empty());
}

TEST(InputFiles, UnreadableFileIsReportedAndOthersContinue) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads files whatever their permissions";
  TempDir dir;
  WriteFile(dir / "a.json", "[]");
  WriteFile(dir / "b.json", "[]");
  fs::permissions(dir / "a.json", fs::perms::none);
  const auto files = LoadAll({dir.path()});
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].error, "cannot open: Permission denied");
  EXPECT_TRUE(files[1].error.empty());
}

TEST(InputFiles, SpecialFilesAreRefusedWithoutBlocking) {
  TempDir dir;
  WriteFile(dir / "good.json", "[]");
  ASSERT_EQ(::mkfifo((dir / "pipe.json").c_str(), 0600), 0);
  const auto files = LoadAll({dir.path()});
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].name, "good.json");
  EXPECT_EQ(files[1].error, "not a regular file");
}

TEST(InputFiles, LocalFileSizeLimit) {
  TempDir dir;
  WriteFile(dir / "big.json", std::string(5000, ' '));
  InputLimits limits;
  limits.max_entry_bytes = 1000;
  const auto files = LoadAll({dir / "big.json"}, limits);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].error, "file is larger than 1000 B (import_max_entry_bytes)");
}

TEST(InputFiles, ZipIsRecognisedByContentAndUnsafeEntriesAreNotExtracted) {
  TempDir dir;
  WriteFile(
      dir / "my_spotify_data.bin",
      BuildTestZip({StoredEntry("MyData/StreamingHistory0.json", "[1]"),
                    StoredEntry("../evil.json", "[2]"), StoredEntry("/etc/evil.json", "[3]"),
                    StoredEntry("MyData/", ""), StoredEntry("MyData/Read_Me_First.pdf", "%PDF")}));
  const auto files = LoadAll({dir / "my_spotify_data.bin"});
  ASSERT_EQ(files.size(), 4u);  // the directory entry is not a file
  EXPECT_EQ(files[0].display_name,
            (dir / "my_spotify_data.bin").string() + "!MyData/StreamingHistory0.json");
  EXPECT_EQ(files[0].name, "StreamingHistory0.json");
  EXPECT_EQ(files[0].bytes, "[1]");
  EXPECT_EQ(files[1].error, "unsafe path in the archive (absolute or \"..\"); not extracted");
  EXPECT_TRUE(files[1].bytes.empty());
  EXPECT_EQ(files[2].error, files[1].error);
  EXPECT_EQ(files[3].bytes, "%PDF");
}

TEST(InputFiles, DuplicateEntryNamesAreBothRead) {
  TempDir dir;
  WriteFile(dir / "dup.zip",
            BuildTestZip({StoredEntry("x.json", "[1]"), StoredEntry("x.json", "[2,3]")}));
  const auto files = LoadAll({dir / "dup.zip"});
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].bytes, "[1]");
  EXPECT_EQ(files[1].bytes, "[2,3]");
  EXPECT_EQ(files[0].display_name, files[1].display_name);
}

TEST(InputFiles, EntrySizeLimitIsCheckedWhileInflating) {
  TempDir dir;
  // The headers claim 10 bytes; the data inflates to 2 MiB. The claim must not be trusted.
  TestZipEntry liar = DeflatedEntry("liar.json", std::string(2 << 20, ' '));
  liar.uncompressed_size = 10;
  WriteFile(dir / "liar.zip", BuildTestZip({liar, StoredEntry("ok.json", "[]")}));
  InputLimits limits;
  limits.max_entry_bytes = 1 << 20;
  limits.max_ratio = 1e9;
  const auto files = LoadAll({dir / "liar.zip"}, limits);
  ASSERT_EQ(files.size(), 2u);
  EXPECT_NE(files[0].error.find("import_max_entry_bytes"), std::string::npos) << files[0].error;
  EXPECT_TRUE(files[0].bytes.empty());
  EXPECT_EQ(files[1].bytes, "[]");
}

TEST(InputFiles, CompressionRatioLimitStopsZipBombs) {
  TempDir dir;
  WriteFile(dir / "bomb.zip", BuildTestZip({DeflatedEntry("bomb.json", std::string(8 << 20, '0')),
                                            StoredEntry("ok.json", "[]")}));
  const auto files = LoadAll({dir / "bomb.zip"});
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].error,
            "entry inflates more than 100x its compressed size (import_max_ratio): a ZIP bomb?");
  EXPECT_EQ(files[1].bytes, "[]");
}

TEST(InputFiles, ArchiveTotalLimit) {
  TempDir dir;
  WriteFile(dir / "many.zip", BuildTestZip({StoredEntry("a.json", std::string(1000, ' ')),
                                            StoredEntry("b.json", std::string(1000, ' ')),
                                            StoredEntry("c.json", std::string(1000, ' '))}));
  InputLimits limits;
  limits.max_total_bytes = 2500;
  const auto files = LoadAll({dir / "many.zip"}, limits);
  ASSERT_EQ(files.size(), 3u);
  EXPECT_TRUE(files[0].error.empty());
  EXPECT_TRUE(files[1].error.empty());
  EXPECT_EQ(files[2].error,
            "the archive holds more than 2.4 KiB in total (import_max_total_bytes)");
}

TEST(InputFiles, CorruptEntryAndBrokenArchive) {
  TempDir dir;
  TestZipEntry bad = StoredEntry("bad.json", "[1,2,3]");
  bad.crc32 ^= 1;
  WriteFile(dir / "crc.zip", BuildTestZip({bad, StoredEntry("ok.json", "[]")}));
  WriteFile(dir / "broken.zip", std::string("PK\x03\x04", 4) + "not really a zip");
  WriteFile(dir / "not_a_zip.zip", "[]");
  WriteFile(dir / "empty.zip", BuildTestZip({}));
  const auto files =
      LoadAll({dir / "crc.zip", dir / "broken.zip", dir / "not_a_zip.zip", dir / "empty.zip"});
  ASSERT_EQ(files.size(), 5u);
  EXPECT_EQ(files[0].error.rfind("corrupt entry:", 0), 0u) << files[0].error;
  EXPECT_EQ(files[1].bytes, "[]");
  EXPECT_EQ(files[2].error.rfind("not a readable ZIP archive", 0), 0u) << files[2].error;
  EXPECT_EQ(files[3].bytes, "[]");  // content decides: a JSON file named .zip is a JSON file
  EXPECT_EQ(files[4].error, "the ZIP archive holds no files");
}

TEST(InputFiles, NestedZipIsOpenedOneLevelDeep) {
  TempDir dir;
  const std::string deeper = BuildTestZip({StoredEntry("deep.json", "[9]")});
  const std::string inner =
      BuildTestZip({StoredEntry("a.json", "[1]"), StoredEntry("../b.json", "[2]"),
                    StoredEntry("deeper.zip", deeper)});
  WriteFile(dir / "outer.zip",
            BuildTestZip({StoredEntry("inner.zip", inner), StoredEntry("c.json", "[3]")}));
  const auto files = LoadAll({dir / "outer.zip"});
  ASSERT_EQ(files.size(), 4u);
  const std::string outer = (dir / "outer.zip").string();
  EXPECT_EQ(files[0].display_name, outer + "!inner.zip!a.json");
  EXPECT_EQ(files[0].bytes, "[1]");
  EXPECT_EQ(files[1].display_name, outer + "!inner.zip!../b.json");
  EXPECT_NE(files[1].error.find("unsafe path"), std::string::npos);
  EXPECT_EQ(files[2].error, "a ZIP inside a nested ZIP (only one level of nesting is opened)");
  EXPECT_EQ(files[3].display_name, outer + "!c.json");
}

TEST(InputFiles, NestedZipEntriesCountAgainstTheOuterLimits) {
  TempDir dir;
  const std::string inner = BuildTestZip({DeflatedEntry("bomb.json", std::string(8 << 20, '0'))});
  WriteFile(dir / "outer.zip", BuildTestZip({StoredEntry("inner.zip", inner)}));
  const auto files = LoadAll({dir / "outer.zip"});
  ASSERT_EQ(files.size(), 1u);
  EXPECT_NE(files[0].error.find("import_max_ratio"), std::string::npos) << files[0].error;
}

}  // namespace
}  // namespace uw::spotify_export
