// End-to-end: `unwrapped inspect` and `unwrapped cat` on Parquet files written by our library.
#include <gtest/gtest.h>

#include <cmath>

#include "parquet/file_writer.h"
#include "testing/testing.h"

namespace uw {
namespace {

using testing::RunUnwrapped;

std::filesystem::path WriteSample(const testing::TempDir& dir) {
  using parquet::ColumnType;
  parquet::Batch b(parquet::Schema({{"id", ColumnType::kInt64, false},
                                    {"name", ColumnType::kString, true},
                                    {"played_at", ColumnType::kTimestamp, true},
                                    {"day", ColumnType::kDate, true},
                                    {"score", ColumnType::kDouble, true},
                                    {"skipped", ColumnType::kBoolean, true}}));
  const char* names[] = {"plain", "with, comma", "say \"hi\"", "", "Sigur Rós"};
  const double scores[] = {1.5, -0.0, std::nan(""), 1e300, 0.1};
  for (int i = 0; i < 5; ++i) {
    b.column(0).AppendInt64(i);
    if (i == 3)
      b.column(1).AppendNull();
    else
      b.column(1).AppendString(names[i]);
    b.column(2).AppendInt64(1'600'000'000'123'456 + i);
    b.column(3).AppendInt32(19'000 + i);
    b.column(4).AppendDouble(scores[i]);
    if (i == 4)
      b.column(5).AppendNull();
    else
      b.column(5).AppendBool(i % 2 == 1);
  }
  parquet::WriterOptions o;
  o.key_value_metadata = {{"unwrapped.table", "sample"}};
  const auto path = dir / "sample.parquet";
  testing::WriteFile(path, parquet::WriteParquet(b, o));
  return path;
}

TEST(ParquetCli, CatPrintsCsv) {
  testing::TempDir dir;
  const auto r = RunUnwrapped({"cat", WriteSample(dir).string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "id,name,played_at,day,score,skipped\n"
            "0,plain,2020-09-13T12:26:40.123456Z,2022-01-08,1.5,false\n"
            "1,\"with, comma\",2020-09-13T12:26:40.123457Z,2022-01-09,-0,true\n"
            "2,\"say \"\"hi\"\"\",2020-09-13T12:26:40.123458Z,2022-01-10,NaN,false\n"
            "3,,2020-09-13T12:26:40.123459Z,2022-01-11,1e+300,true\n"
            "4,Sigur Rós,2020-09-13T12:26:40.123460Z,2022-01-12,0.1,\n");
}

TEST(ParquetCli, CatPrintsJsonLinesWithColumnsAndLimit) {
  testing::TempDir dir;
  const auto r = RunUnwrapped({"cat", WriteSample(dir).string(), "--format", "jsonl", "--columns",
                               "score,name,id", "--limit", "4"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "{\"score\":1.5,\"name\":\"plain\",\"id\":0}\n"
            "{\"score\":-0,\"name\":\"with, comma\",\"id\":1}\n"
            "{\"score\":\"NaN\",\"name\":\"say \\\"hi\\\"\",\"id\":2}\n"
            "{\"score\":1e+300,\"name\":null,\"id\":3}\n");
}

TEST(ParquetCli, InspectPrintsTheFooter) {
  testing::TempDir dir;
  const auto r = RunUnwrapped({"inspect", WriteSample(dir).string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* fragment :
       {"\"created_by\": \"unwrapped version ", "\"num_rows\": 5",
        "\"unwrapped.table\": \"sample\"",
        "\"logical_type\": \"TIMESTAMP(isAdjustedToUTC=true,MICROS)\"", "\"codec\": \"SNAPPY\"",
        "\"encodings\": [", "\"dictionary_page_offset\": 4", "\"null_count\": 1",
        "\"min\": \"2020-09-13T12:26:40.123456Z\"", "\"max\": 1e+300", "\"nan_count\": 1",
        "\"column_orders\": [", "\"TYPE_ORDER\""}) {
    EXPECT_NE(r.out.find(fragment), std::string::npos) << fragment << "\n" << r.out;
  }
}

TEST(ParquetCli, ErrorsExitCleanly) {
  testing::TempDir dir;
  const auto file = WriteSample(dir);
  const auto unknown = RunUnwrapped({"cat", file.string(), "--columns", "nope"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("no column named \"nope\""), std::string::npos) << unknown.err;
  EXPECT_EQ(RunUnwrapped({"cat", file.string(), "--format", "xml"}).exit_code, 2);
  const auto missing = RunUnwrapped({"inspect", (dir / "missing.parquet").string()});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("no such file"), std::string::npos) << missing.err;
  std::string bytes = testing::ReadFile(file);
  testing::WriteFile(dir / "cut.parquet",
                     bytes.substr(0, bytes.size() / 2) + bytes.substr(bytes.size() - 8));
  const auto corrupt = RunUnwrapped({"cat", (dir / "cut.parquet").string()});
  EXPECT_EQ(corrupt.exit_code, 1);
  EXPECT_NE(corrupt.err.find("cut.parquet"), std::string::npos) << corrupt.err;
}

}  // namespace
}  // namespace uw
