// Text interning: equal strings are one Text whatever the path (pool, per-thread interner,
// pipelined batch, other threads), values outlive the strings they were made from, and the
// normalised-name memo agrees with NormaliseName.
#include "pipeline/silver/interned_text.h"

#include <gtest/gtest.h>

#include <thread>

#include "pipeline/silver/play_record.h"

namespace uw::silver {
namespace {

TEST(InternedText, EqualStringsAreOneText) {
  const Text a = Text::Intern("spotify:track:abc");
  const Text b = Text::Intern(std::string("spotify:track:") + "abc");
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.key(), b.key());
  EXPECT_NE(a, Text::Intern("spotify:track:abd"));
  EXPECT_EQ(a, "spotify:track:abc");
  EXPECT_EQ(a.view(), "spotify:track:abc");
  EXPECT_EQ(std::string(a.data()), "spotify:track:abc");  // NUL-terminated
  EXPECT_LT(Text::Intern("a"), Text::Intern("b"));
}

TEST(InternedText, EmptyIsTheDefault) {
  EXPECT_TRUE(Text().empty());
  EXPECT_EQ(Text::Intern(""), Text());
  EXPECT_EQ(Text().view(), "");
  EXPECT_STREQ(Text().data(), "");
  EXPECT_EQ(Text().key(), 0u);
}

TEST(InternedText, OutlivesTheSourceString) {
  PlayRecord p;
  {
    std::string temporary = "Name " + std::to_string(12345);
    p.track_name = temporary;
    temporary.assign(temporary.size(), 'x');
  }
  EXPECT_EQ(p.track_name, "Name 12345");
  const std::string copy = p.track_name;  // reads as a std::string too
  EXPECT_EQ(copy, "Name 12345");
}

TEST(InternedText, InternerAndBatchesAgreeWithThePool) {
  TextInterner interner;
  std::vector<std::string> words;
  for (int i = 0; i < 5000; ++i) words.push_back("word-" + std::to_string(i % 1700));
  words.push_back("");
  for (const std::string& w : words) interner.Submit(w);
  const std::vector<Text>& batch = interner.Drain();
  ASSERT_EQ(batch.size(), words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    EXPECT_EQ(batch[i], Text::Intern(words[i]));
    EXPECT_EQ(interner.Intern(words[i]), Text::Intern(words[i]));
    EXPECT_EQ(batch[i].view(), words[i]);
  }
}

TEST(InternedText, ThreadsShareOnePoolAndMemo) {
  std::vector<std::vector<Text>> seen(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < seen.size(); ++t) {
    threads.emplace_back([&seen, t] {
      TextInterner interner;
      for (int i = 0; i < 20000; ++i) {
        seen[t].push_back(interner.Intern("Shared " + std::to_string(i)));
        seen[t].push_back(NormalisedName(seen[t].back()));  // memoised by whichever is first
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (size_t t = 1; t < seen.size(); ++t) EXPECT_EQ(seen[t], seen[0]);
}

TEST(InternedText, NormalisedNameIsMemoisedNormaliseName) {
  for (const char* name : {"  The  Beatles ", "ABBA", "", "   ", "Sigur Rós\tLive"}) {
    const Text text = Text::Intern(name);
    EXPECT_EQ(NormalisedName(text).view(), NormaliseName(name)) << name;
    EXPECT_EQ(NormalisedName(text), NormalisedName(text));
  }
}

TEST(InternedText, HashSeesLengthAndEveryByte) {
  EXPECT_NE(HashBytes(std::string_view("\0", 1)), HashBytes(std::string_view("\0\0", 2)));
  EXPECT_NE(HashBytes(""), HashBytes(std::string_view("\0", 1)));
  const std::string base(40, 'a');
  for (size_t i = 0; i < base.size(); ++i) {
    std::string changed = base;
    changed[i] = 'b';
    EXPECT_NE(HashBytes(base), HashBytes(changed)) << i;
  }
}

}  // namespace
}  // namespace uw::silver
