#include "core/sha256.h"

#include <gtest/gtest.h>

namespace uw::core {
namespace {

TEST(Sha256, KnownDigest) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, IncrementalEqualsOneShot) {
  const std::string text = "the quick brown fox jumps over the lazy dog, many times over";
  Sha256 hasher;
  hasher.Update(text.substr(0, 7));
  hasher.Update(text.data() + 7, text.size() - 7);
  EXPECT_EQ(hasher.HexDigest(), Sha256Hex(text));
  Sha256 empty;
  EXPECT_EQ(empty.HexDigest(), Sha256Hex(""));
}

}  // namespace
}  // namespace uw::core
