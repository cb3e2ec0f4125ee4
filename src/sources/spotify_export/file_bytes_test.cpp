#include "sources/spotify_export/file_bytes.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace uw::spotify_export {
namespace {

bool PaddingIsZero(const FileBytes& b) {
  const char* end = b.view().data() + b.size();
  for (size_t i = 0; i < simdjson::SIMDJSON_PADDING; ++i) {
    if (end[i] != 0) return false;
  }
  return true;
}

TEST(FileBytes, GrowingKeepsTheBytesAndThePaddingStaysZero) {
  FileBytes b("[1,2,3]");
  EXPECT_EQ(b.view(), "[1,2,3]");
  EXPECT_TRUE(PaddingIsZero(b));
  // Past several huge pages, so the storage is replaced (and moves to huge-page alignment).
  const size_t big = (size_t{5} << 20) + 123;
  b.Resize(big);
  EXPECT_EQ(b.view().substr(0, 7), "[1,2,3]");
  std::memset(b.data() + 7, 'x', big - 7);
  EXPECT_TRUE(PaddingIsZero(b));
  b.Resize(3);  // shrinking keeps the storage; the new end is padded
  EXPECT_EQ(b.view(), "[1,");
  EXPECT_TRUE(PaddingIsZero(b));
  b.Clear();
  EXPECT_TRUE(b.empty());
}

TEST(FileBytes, StorageStartsOnAPageBoundary) {
  // read() copies into page-aligned memory much faster than into malloc's 16-byte offset.
  for (const size_t size : {size_t{1}, size_t{5000}, size_t{6} << 20}) {
    FileBytes b;
    b.Resize(size);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(b.data()) % 4096, 0u) << size;
  }
}

TEST(FileBytes, AssignCopiesAndAnEmptyBufferIsStillPadded) {
  const std::string text(10000, 'a');
  FileBytes b;
  b.Assign(text);
  EXPECT_EQ(b.view(), text);
  b.Assign("");
  EXPECT_TRUE(b.empty());
  EXPECT_TRUE(PaddingIsZero(b));
}

}  // namespace
}  // namespace uw::spotify_export
