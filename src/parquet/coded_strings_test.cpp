// Coded string columns (ColumnVector::AppendCode): they must write exactly the file the same
// strings written as bytes give, and behave as string columns everywhere else.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "core/error.h"
#include "parquet/file_reader.h"
#include "parquet/file_writer.h"
#include "parquet/test_support.h"

namespace uw::parquet {
namespace {

using test::Difference;

// code -> word; code 0 is "", as in silver's text pool.
class Words final : public StringDictionary {
 public:
  explicit Words(std::vector<std::string> words) : words_(std::move(words)) {}
  std::string_view Get(uint32_t code) const override { return words_.at(code); }
  size_t size() const { return words_.size(); }

 private:
  std::vector<std::string> words_;
};

const Schema kSchema({{"name", ColumnType::kString, true}, {"tag", ColumnType::kString, false}});

// The same rows twice: as codes of `words` and as plain strings.
std::pair<Batch, Batch> CodedAndPlain(const Words& words, const std::vector<int>& codes) {
  Batch coded(kSchema), plain(kSchema);
  for (size_t r = 0; r < codes.size(); ++r) {
    if (codes[r] < 0) {
      coded.column(0).AppendNull();
      plain.column(0).AppendNull();
    } else {
      coded.column(0).AppendCode(words, uint32_t(codes[r]));
      plain.column(0).AppendString(words.Get(uint32_t(codes[r])));
    }
    const auto tag = uint32_t(r % words.size());
    coded.column(1).AppendCode(words, tag);
    plain.column(1).AppendString(words.Get(tag));
  }
  return {std::move(coded), std::move(plain)};
}

RC_GTEST_PROP(CodedStrings, WriteTheSameBytesAsPlainStrings, ()) {
  std::vector<std::string> texts = {""};
  const size_t distinct = *rc::gen::inRange<size_t>(1, 300);
  for (size_t i = 0; i < distinct; ++i) texts.push_back("w" + std::to_string(i * 7919 % 1000 % 120));
  const Words words(texts);  // some words repeat under two codes: one dictionary entry each
  const size_t rows = *rc::gen::inRange<size_t>(0, 3000);
  std::vector<int> codes;
  for (size_t r = 0; r < rows; ++r) {
    codes.push_back(*rc::gen::inRange<int>(-1, int(texts.size())));
  }
  const auto [coded, plain] = CodedAndPlain(words, codes);
  WriterOptions options;
  options.page_rows = *rc::gen::inRange<int64_t>(1, 2000);
  options.dictionary = *rc::gen::arbitrary<bool>();
  RC_ASSERT(WriteParquet(coded, options) == WriteParquet(plain, options));
  const Batch back = FileReader::OpenBytes(WriteParquet(coded, options)).Read();
  RC_ASSERT(Difference(plain, back) == "");
}

TEST(CodedStrings, ReadAsStringsAndKeepCodesThroughFilterAndAppend) {
  const Words words({"", "kiwi", "apple"});
  auto [coded, plain] = CodedAndPlain(words, {1, -1, 2, 0, 1});
  EXPECT_EQ(coded.column(0).GetString(2), "apple");
  EXPECT_TRUE(coded.column(0).IsNull(1));
  EXPECT_EQ(coded.column(0).dictionary(), &words);
  EXPECT_TRUE(coded.column(0).chars().empty());

  const Batch kept = coded.Filter({1, 0, 1, 1, 0});
  EXPECT_EQ(kept.column(0).dictionary(), &words);
  EXPECT_EQ(kept.column(0).GetString(1), "apple");
  Batch twice = coded;
  twice.Append(coded);
  EXPECT_EQ(twice.column(0).codes().size(), 10u);
  EXPECT_EQ(Difference(twice.Filter({1, 1, 1, 1, 1, 0, 0, 0, 0, 0}), plain), "");
}

TEST(CodedStrings, MixingWithPlainStringsOrAnotherDictionaryKeepsEveryValue) {
  const Words words({"", "kiwi", "apple"}), other({"", "fig"});
  ColumnVector column(ColumnType::kString);
  column.AppendNull();  // a leading null still lets the column hold codes
  column.AppendCode(words, 1);
  EXPECT_EQ(column.dictionary(), &words);
  column.AppendCode(other, 1);  // another dictionary: the column goes back to bytes
  EXPECT_EQ(column.dictionary(), nullptr);
  column.AppendString("plum");
  column.AppendCode(words, 2);
  ASSERT_EQ(column.size(), 5u);
  EXPECT_TRUE(column.IsNull(0));
  EXPECT_EQ(column.GetString(1), "kiwi");
  EXPECT_EQ(column.GetString(2), "fig");
  EXPECT_EQ(column.GetString(3), "plum");
  EXPECT_EQ(column.GetString(4), "apple");

  ColumnVector plain_first(ColumnType::kString);
  plain_first.AppendString("");
  plain_first.AppendCode(words, 2);  // a non-null row already holds bytes: no codes
  EXPECT_EQ(plain_first.dictionary(), nullptr);
  EXPECT_EQ(plain_first.GetString(0), "");
  EXPECT_EQ(plain_first.GetString(1), "apple");
}

TEST(CodedStrings, InvalidUtf8InTheDictionaryIsRefused) {
  const Words words({"", "ok", std::string("bad\xff")});
  Batch batch(kSchema);
  for (const uint32_t code : {1u, 2u}) {
    batch.column(0).AppendCode(words, code);
    batch.column(1).AppendCode(words, 1);
  }
  EXPECT_THROW(WriteParquet(batch), Error);
}

// Values that are valid UTF-8 beyond ASCII are written; a bad byte anywhere in a value (in the
// first 8-byte word, a later one, or the tail) is refused, coded or not, dictionary or PLAIN.
TEST(CodedStrings, Utf8IsCheckedPastAsciiAtEveryOffset) {
  const std::string good[] = {"café", "naïve long enough to span words", "日本語のテキスト", "a"};
  for (const bool dictionary : {true, false}) {
    WriterOptions options;
    options.dictionary = dictionary;
    Batch ok(kSchema);
    for (const std::string& value : good) {
      ok.column(0).AppendString(value);
      ok.column(1).AppendString(value);
    }
    EXPECT_EQ(Difference(ok, FileReader::OpenBytes(WriteParquet(ok, options)).Read()), "");
    for (const size_t at : {0u, 5u, 8u, 13u, 20u}) {
      std::string bad(21, 'x');
      bad[at] = '\xff';
      Batch batch(kSchema);
      batch.column(0).AppendString("fine");
      batch.column(1).AppendString(bad);
      EXPECT_THROW(WriteParquet(batch, options), Error) << at << " " << dictionary;
    }
  }
}

// A coded column whose StringTable grows between writes into one file (codes past those the
// writer has seen) still writes the bytes of the same strings written as plain strings.
TEST(CodedStrings, AGrowingStringTableWritesLikePlainStrings) {
  auto table = std::make_shared<StringTable>();
  ColumnVector source(ColumnType::kString);
  const Schema schema({{"name", ColumnType::kString, false}});
  std::string coded_file, plain_file;
  WriterOptions options;
  options.page_rows = 300;
  FileWriter coded = FileWriter::ToString(&coded_file, schema, options);
  FileWriter plain = FileWriter::ToString(&plain_file, schema, options);
  for (int round = 0; round < 4; ++round) {
    std::vector<uint32_t> codes;
    std::vector<std::string> words;
    for (int i = 0; i < 1000; ++i) {
      words.push_back("w" + std::to_string((i * 31 + round * 977) % (200 + 3000 * round)));
      codes.push_back(table->Intern(words.back()));
    }
    Batch coded_rows(schema), plain_rows(schema);
    coded_rows.column(0).AppendCodes(table, codes.data(), nullptr, codes.size());
    for (const std::string& word : words) plain_rows.column(0).AppendString(word);
    ASSERT_NE(coded_rows.column(0).dictionary(), nullptr);
    coded.Write(coded_rows);
    plain.Write(plain_rows);
    if (round == 1) {
      coded.FlushRowGroup();
      plain.FlushRowGroup();
    }
  }
  coded.Close();
  plain.Close();
  EXPECT_EQ(coded_file, plain_file);
}

// A column whose first values are all distinct (an id, a timestamp) is written PLAIN from the
// start: no dictionary page, no dictionary-encoded page.
TEST(CodedStrings, DistinctFirstValuesSkipTheDictionary) {
  Batch batch(Schema({{"id", ColumnType::kString, false}, {"n", ColumnType::kInt64, false},
                      {"few", ColumnType::kString, false}}));
  for (int i = 0; i < 5000; ++i) {
    batch.column(0).AppendString("event-" + std::to_string(i));
    batch.column(1).AppendInt64(i * 3);
    batch.column(2).AppendString(i % 2 ? "odd" : "even");
  }
  const std::string bytes = WriteParquet(batch);
  const FileReader reader = FileReader::OpenBytes(bytes);
  const RowGroup& group = reader.metadata().row_groups.at(0);
  for (size_t c = 0; c < 2; ++c) {
    const ColumnMetaData& meta = *group.columns[c].meta_data;
    EXPECT_FALSE(meta.dictionary_page_offset.has_value()) << c;
    for (const PageEncodingStats& stats : meta.encoding_stats)
      EXPECT_EQ(stats.encoding, Encoding::kPlain) << c;
  }
  EXPECT_TRUE(group.columns[2].meta_data->dictionary_page_offset.has_value());
  EXPECT_EQ(Difference(batch, reader.Read()), "");
}

}  // namespace
}  // namespace uw::parquet
