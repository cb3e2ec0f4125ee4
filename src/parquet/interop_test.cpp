// Interop with independent readers and writers (tech.md §2): files we write, across every type,
// encoding strategy and codec, are read by DuckDB, Polars and parquet-wasm with every value
// compared exactly and one range filter per column checked row for row (the filters exercise
// our statistics); files those three write are read by us and compared exactly. The node scripts
// live in tests/parquet_interop/. Skips when node or the npm packages are missing.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>

#include "core/text.h"
#include "parquet/file_reader.h"
#include "parquet/file_writer.h"
#include "testing/testing.h"

namespace uw::parquet {
namespace {

namespace fs = std::filesystem;

testing::RunResult RunNode(const std::string& script, const fs::path& argument) {
  return testing::RunNodeScript(fs::path("tests") / "parquet_interop" / script, {argument.string()});
}

std::string_view TypeName(ColumnType type) { return ColumnTypeName(type); }

// The canonical text of a value (tests/parquet_interop/common.mjs), as a JSON token.
std::string CanonicalJson(const ColumnVector& c, size_t row) {
  if (c.IsNull(row)) return "null";
  switch (c.type()) {
    case ColumnType::kBoolean:
      return c.GetBool(row) ? "\"true\"" : "\"false\"";
    case ColumnType::kInt32:
    case ColumnType::kDate:
      return "\"" + std::to_string(c.GetInt32(row)) + "\"";
    case ColumnType::kInt64:
    case ColumnType::kTimestamp:
      return "\"" + std::to_string(c.GetInt64(row)) + "\"";
    case ColumnType::kDouble: {
      const double d = c.GetDouble(row);
      return std::isnan(d) ? "\"NaN\"" : fmt::format("\"{:016x}\"", std::bit_cast<uint64_t>(d));
    }
    case ColumnType::kString:
      return core::JsonString(c.GetString(row));
  }
  return "null";
}

// ----------------------------------------------------------------------------------------------
// Our files

constexpr int64_t kDay1900 = -25567, kDay2100 = 47482;
constexpr int64_t kMicrosPerDay = 86'400'000'000;

void AppendValue(ColumnVector& c, std::mt19937_64& rng, size_t row) {
  std::uniform_int_distribution<int> pick(0, 99);
  const int p = pick(rng);
  switch (c.type()) {
    case ColumnType::kBoolean:
      return c.AppendBool(p < 40);
    case ColumnType::kInt32: {
      const int32_t edge[] = {INT32_MIN, INT32_MAX, 0, -1};
      return c.AppendInt32(p < 8 ? edge[p % 4] : static_cast<int32_t>(rng()));
    }
    case ColumnType::kInt64: {
      const int64_t edge[] = {INT64_MIN, INT64_MAX, 0, -1};
      return c.AppendInt64(p < 8 ? edge[p % 4] : static_cast<int64_t>(rng()));
    }
    case ColumnType::kDouble: {
      const double edge[] = {NAN, -0.0, 0.0, INFINITY, -INFINITY, 5e-324, 1.7976931348623157e308,
                             -2.5};
      if (p < 16) return c.AppendDouble(edge[p % 8]);
      return c.AppendDouble(std::ldexp(std::uniform_real_distribution<double>(-1, 1)(rng),
                                       static_cast<int>(rng() % 200) - 100));
    }
    case ColumnType::kString: {
      static const std::string kPool[] = {"",
                                          "Taylor Swift",
                                          "Beyoncé",
                                          "坂本龍一",
                                          "Sigur Rós",
                                          "🎵🎶",
                                          "a'quote",
                                          std::string(80, 'x') + "end",
                                          std::string(80, 'x') + "fin",
                                          std::string(30, 'y') + "é" + std::string(40, 'z')};
      if (p < 70) return c.AppendString(kPool[rng() % std::size(kPool)]);
      return c.AppendString("track " + std::to_string(rng() % 4000) + (row % 2 ? " ✓" : ""));
    }
    case ColumnType::kDate:
      return c.AppendInt32(
          static_cast<int32_t>(kDay1900 + static_cast<int64_t>(rng() % (kDay2100 - kDay1900))));
    case ColumnType::kTimestamp:
      return c.AppendInt64(kDay1900 * kMicrosPerDay +
                           static_cast<int64_t>(rng() % ((kDay2100 - kDay1900) * kMicrosPerDay)));
  }
}

Batch InteropBatch(size_t rows) {
  std::vector<Field> fields{{"row_id", ColumnType::kInt64, false}};
  for (int t = 0; t <= static_cast<int>(ColumnType::kTimestamp); ++t) {
    const auto type = static_cast<ColumnType>(t);
    fields.push_back({std::string(TypeName(type)) + "_req", type, false});
    fields.push_back({std::string(TypeName(type)) + "_opt", type, true});
  }
  Batch batch{Schema(fields)};
  std::mt19937_64 rng(20261121);
  for (size_t r = 0; r < rows; ++r) {
    batch.column(0).AppendInt64(static_cast<int64_t>(r));
    for (size_t c = 1; c < fields.size(); ++c) {
      if (fields[c].nullable && rng() % 10 == 0)
        batch.column(c).AppendNull();
      else
        AppendValue(batch.column(c), rng, r);
    }
  }
  return batch;
}

std::string ScalarText(const Scalar& s) {
  if (const auto* b = std::get_if<bool>(&s)) return *b ? "true" : "false";
  if (const auto* i = std::get_if<int64_t>(&s)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&s))
    return fmt::format("{}", *d);  // shortest round-trip form
  return std::get<std::string>(s);
}

// One range per column, from the 30th to the 60th percentile of its distinct usable values
// (finite, non-zero doubles: engines disagree on NaN and -0.0 in comparisons).
std::optional<RangePredicate> PickRange(const Batch& batch, size_t c) {
  const ColumnVector& column = batch.column(c);
  std::vector<Scalar> values;
  for (size_t r = 0; r < column.size(); ++r) {
    if (column.IsNull(r)) continue;
    if (column.type() == ColumnType::kDouble) {
      const double d = column.GetDouble(r);
      if (!std::isfinite(d) || d == 0) continue;
    }
    switch (column.type()) {
      case ColumnType::kBoolean:
        values.emplace_back(column.GetBool(r));
        break;
      case ColumnType::kDouble:
        values.emplace_back(column.GetDouble(r));
        break;
      case ColumnType::kString:
        values.emplace_back(std::string(column.GetString(r)));
        break;
      case ColumnType::kInt32:
      case ColumnType::kDate:
        values.emplace_back(static_cast<int64_t>(column.GetInt32(r)));
        break;
      case ColumnType::kInt64:
      case ColumnType::kTimestamp:
        values.emplace_back(column.GetInt64(r));
        break;
    }
  }
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  if (values.empty()) return std::nullopt;
  if (column.type() == ColumnType::kBoolean)
    return RangePredicate{batch.schema().field(c).name, true, true};
  return RangePredicate{batch.schema().field(c).name, values[values.size() * 3 / 10],
                        values[values.size() * 6 / 10]};
}

std::string FileManifest(const fs::path& path, const Batch& batch) {
  std::string json = "{\"path\":" + core::JsonString(path.string()) + ",\"columns\":[";
  for (size_t c = 0; c < batch.num_columns(); ++c) {
    const Field& f = batch.schema().field(c);
    json += fmt::format("{}{{\"name\":\"{}\",\"type\":\"{}\"}}", c ? "," : "", f.name,
                        TypeName(f.type));
  }
  json += "],\"values\":{";
  for (size_t c = 0; c < batch.num_columns(); ++c) {
    json += fmt::format("{}\"{}\":[", c ? "," : "", batch.schema().field(c).name);
    for (size_t r = 0; r < batch.num_rows(); ++r)
      json += (r ? "," : "") + CanonicalJson(batch.column(c), r);
    json += "]";
  }
  json += "},\"filters\":[";
  bool first = true;
  for (size_t c = 1; c < batch.num_columns(); ++c) {
    const auto range = PickRange(batch, c);
    if (!range) continue;
    json += fmt::format(
        "{}{{\"column\":\"{}\",\"type\":\"{}\",\"lower\":{},\"upper\":{},\"row_ids\":[",
        first ? "" : ",", range->column, TypeName(batch.column(c).type()),
        core::JsonString(ScalarText(*range->lower)), core::JsonString(ScalarText(*range->upper)));
    first = false;
    bool first_row = true;
    for (size_t r = 0; r < batch.num_rows(); ++r) {
      if (!Matches(*range, batch.column(c), r)) continue;
      json += (first_row ? "\"" : ",\"") + std::to_string(r) + "\"";
      first_row = false;
    }
    json += "]}";
  }
  return json + "]}";
}

TEST(ParquetInterop, OurFilesAreReadExactlyByDuckDbPolarsAndParquetWasm) {
  if (const std::string missing = testing::MissingNodeTools(); !missing.empty()) GTEST_SKIP() << missing;
  testing::TempDir dir;
  const Batch batch = InteropBatch(6000);
  std::string manifest = "{\"files\":[";
  int files = 0;
  for (const Codec codec : {Codec::kUncompressed, Codec::kSnappy, Codec::kZstd, Codec::kGzip}) {
    for (const std::string encoding : {"dictionary", "plain", "fallback"}) {
      WriterOptions o;
      o.codec = codec;
      o.row_group_rows = 1500;
      o.page_rows = 400;
      o.dictionary = encoding != "plain";
      if (encoding == "fallback") o.dictionary_bytes = 300;  // dictionary pages first, PLAIN after
      const fs::path path = dir / fmt::format("ours_{}_{}.parquet", CodecName(codec), encoding);
      testing::WriteFile(path, WriteParquet(batch, o));
      manifest += (files++ ? "," : "") + FileManifest(path, batch);
    }
  }
  manifest += "]}";
  testing::WriteFile(dir / "manifest.json", manifest);
  const testing::RunResult run = RunNode("read_ours.mjs", dir / "manifest.json");
  std::cout << run.out << "\n";
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_NE(run.out.find("\"failures\": []"), std::string::npos) << run.out;
}

// ----------------------------------------------------------------------------------------------
// Their files

TEST(ParquetInterop, FilesFromDuckDbPolarsAndParquetWasmAreReadExactly) {
  if (const std::string missing = testing::MissingNodeTools(); !missing.empty()) GTEST_SKIP() << missing;
  testing::TempDir dir;
  const testing::RunResult run = RunNode("write_theirs.mjs", dir.path());
  ASSERT_EQ(run.exit_code, 0) << run.out;
  simdjson::dom::parser parser;
  const simdjson::dom::element expected = parser.load((dir / "expected.json").string());
  int files = 0;
  for (const simdjson::dom::element file : expected["files"].get_array()) {
    const std::string path(file["path"].get_string().value());
    SCOPED_TRACE(path);
    const FileReader reader = FileReader::OpenBytes(testing::ReadFile(path), path);
    const Batch batch = reader.Read();
    for (const simdjson::dom::element column : file["columns"].get_array()) {
      const std::string name(column["name"].get_string().value());
      const std::string_view type = column["type"].get_string().value();
      const auto index = batch.schema().IndexOf(name);
      ASSERT_TRUE(index.has_value()) << name;
      EXPECT_EQ(TypeName(batch.schema().field(*index).type), type) << name;
      const simdjson::dom::array values = file["values"][name].get_array();
      ASSERT_EQ(values.size(), batch.num_rows()) << name;
      size_t row = 0, mismatches = 0;
      for (const simdjson::dom::element v : values) {
        const std::string want = v.is_null() ? "null" : core::JsonString(v.get_string().value());
        const std::string got = CanonicalJson(batch.column(*index), row);
        if (got != want && ++mismatches <= 3)
          ADD_FAILURE() << name << " row " << row << ": got " << got << ", expected " << want;
        ++row;
      }
    }
    ++files;
  }
  EXPECT_GE(files, 14);
}

}  // namespace
}  // namespace uw::parquet
