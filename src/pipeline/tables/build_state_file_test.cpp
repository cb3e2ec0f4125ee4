#include "pipeline/tables/build_state_file.h"

#include <gtest/gtest.h>

#include "storage/memory_store.h"

namespace uw::tables {
namespace {

// The "answer" field of a format-2 state file.
std::optional<int64_t> Answer(const storage::ObjectStore& lake) {
  return ReadBuildStateFile(lake, "silver", 2,
                            [](simdjson::dom::element root) { return int64_t(root["answer"]); });
}

TEST(BuildStateFile, ReadsTheStateOfItsFormat) {
  storage::MemoryStore lake("build-state-file-good");
  lake.Put(lake::BuildState("silver"), R"({"format":2,"answer":42})");
  EXPECT_EQ(Answer(lake), 42);
}

TEST(BuildStateFile, AnythingUnusableReadsAsNoState) {
  storage::MemoryStore lake("build-state-file-bad");
  EXPECT_EQ(Answer(lake), std::nullopt) << "absent";
  for (const char* text : {"not json", R"({"answer":42})", R"({"format":1,"answer":42})",
                           R"({"format":"2","answer":42})", R"({"format":2})",
                           R"({"format":2,"answer":"42"})", R"([2])"}) {
    lake.Put(lake::BuildState("silver"), text);
    EXPECT_EQ(Answer(lake), std::nullopt) << text;
  }
}

TEST(BuildStateFile, EachLayerHasItsOwnFile) {
  storage::MemoryStore lake("build-state-file-layers");
  lake.Put(lake::BuildState("gold"), R"({"format":2,"answer":7})");
  EXPECT_EQ(Answer(lake), std::nullopt);
}

}  // namespace
}  // namespace uw::tables
