#include "parquet/string_table.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <map>

namespace uw::parquet {
namespace {

TEST(StringTable, CodeZeroIsTheEmptyStringAndAddKeepsDuplicates) {
  StringTable table;
  EXPECT_EQ(table.size(), 1u);
  EXPECT_EQ(table.Get(0), "");
  EXPECT_EQ(table.Add("kiwi"), 1u);
  EXPECT_EQ(table.Add("kiwi"), 2u);  // a dictionary page's entries keep their positions
  EXPECT_EQ(table.Add(""), 3u);
  EXPECT_EQ(table.Get(2), "kiwi");
  EXPECT_EQ(table.Get(3), "");
  EXPECT_EQ(table.Intern("kiwi"), 1u);  // the first equal string
  EXPECT_EQ(table.Intern(""), 0u);
  EXPECT_EQ(table.Intern("fig"), 4u);
  EXPECT_EQ(table.Add("fig"), 5u);  // indexed after the first Intern: still a new code
  EXPECT_EQ(table.Intern("fig"), 4u);
  EXPECT_EQ(table.size(), 6u);
}

// Intern gives equal strings one code and different strings different codes, whatever mix of
// Add and Intern came before, across the growth of the index; codes never change their string.
RC_GTEST_PROP(StringTable, InternFindsEveryStringOnce, ()) {
  const auto words = *rc::gen::container<std::vector<std::string>>(
      rc::gen::map(rc::gen::inRange(0, 3000), [](int n) { return "w" + std::to_string(n); }));
  const size_t added = *rc::gen::inRange<size_t>(0, words.size() + 1);
  StringTable table;
  std::map<std::string, uint32_t> first;
  for (size_t i = 0; i < added; ++i) {
    const uint32_t code = table.Add(words[i]);
    first.try_emplace(words[i], code);
  }
  for (size_t i = added; i < words.size(); ++i) {
    const uint32_t code = table.Intern(words[i]);
    const auto [it, fresh] = first.try_emplace(words[i], code);
    RC_ASSERT(it->second == code);
    RC_ASSERT(table.Get(code) == words[i]);
    if (fresh) RC_ASSERT(code == table.size() - 1);
  }
  for (const auto& [word, code] : first) RC_ASSERT(table.Intern(word) == code);
}

// InternMany gives the codes Intern one value at a time gives, and leaves the table the same
// (same strings under the same codes), from any table, across the growth of the index.
RC_GTEST_PROP(StringTable, InternManyIsInternInOrder, ()) {
  const auto gen_words = [] {
    return *rc::gen::container<std::vector<std::string>>(
        rc::gen::map(rc::gen::inRange(0, 5000), [](int n) { return "w" + std::to_string(n); }));
  };
  const auto before = gen_words();
  const auto words = gen_words();
  const bool indexed = *rc::gen::arbitrary<bool>();
  StringTable one, many;
  for (const std::string& word : before) {
    if (indexed) {
      one.Intern(word);
      many.Intern(word);
    } else {
      one.Add(word);
      many.Add(word);
    }
  }
  std::vector<uint32_t> expected;
  for (const std::string& word : words) expected.push_back(one.Intern(word));
  const std::vector<std::string_view> views(words.begin(), words.end());
  std::vector<uint32_t> codes(words.size());
  many.InternMany(views, codes.data());
  RC_ASSERT(codes == expected);
  RC_ASSERT(many.size() == one.size());
  for (uint32_t code = 0; code < one.size(); ++code) RC_ASSERT(many.Get(code) == one.Get(code));
}

}  // namespace
}  // namespace uw::parquet
