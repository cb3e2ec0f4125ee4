// Every pitfall of tech.md §1.11 (and the Java-only rules of §1.4 and §1.8) as an audit of the
// files our writer produces: each check below names the mutation of the pitfall matrix it rules
// out. The audit walks the raw bytes independently of our reader.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>
#include <cstring>
#include <map>
#include <regex>
#include <set>

#include "core/text.h"
#include "parquet/compression.h"
#include "parquet/encoders/rle_bitpacked.h"
#include "parquet/file_reader.h"
#include "parquet/file_writer.h"
#include "parquet/metadata.h"
#include "parquet/statistics.h"
#include "parquet/test_support.h"
#include "parquet/thrift_compact.h"

namespace uw::parquet {
namespace {

using thrift::CompactReader;
using thrift::Type;

// Field ids present on the wire, per struct kind, gathered by a raw walk of the footer.
struct WireFields {
  std::vector<std::set<int16_t>> row_groups, column_chunks, column_metadata;
};

std::set<int16_t> WalkStruct(CompactReader& r, const std::function<bool(int16_t, Type)>& nested) {
  std::set<int16_t> ids;
  r.BeginStruct();
  int16_t id;
  Type type;
  while (r.NextField(id, type)) {
    ids.insert(id);
    if (!nested(id, type)) r.Skip(type);
  }
  return ids;
}

WireFields WalkFooter(std::string_view footer) {
  WireFields w;
  CompactReader r(footer);
  WalkStruct(r, [&](int16_t id, Type type) {
    if (id != 4 || type != Type::kList) return false;
    const auto groups = r.ReadListHeader();
    for (uint32_t g = 0; g < groups.size; ++g) {
      w.row_groups.push_back(WalkStruct(r, [&](int16_t gid, Type gtype) {
        if (gid != 1 || gtype != Type::kList) return false;
        const auto chunks = r.ReadListHeader();
        for (uint32_t c = 0; c < chunks.size; ++c) {
          w.column_chunks.push_back(WalkStruct(r, [&](int16_t cid, Type ctype) {
            if (cid != 3 || ctype != Type::kStruct) return false;
            w.column_metadata.push_back(WalkStruct(r, [](int16_t, Type) { return false; }));
            return true;
          }));
        }
        return true;
      }));
    }
    return true;
  });
  return w;
}

std::string_view FooterBytes(std::string_view file) {
  uint32_t length;
  std::memcpy(&length, file.data() + file.size() - 8, 4);
  return file.substr(file.size() - 8 - length, length);
}

// Checks one column chunk page by page; returns the rows its data pages hold.
int64_t AuditChunk(std::string_view file, const ColumnMetaData& meta, const LeafColumn& leaf,
                   const ColumnVector& values, size_t first_row) {
  const int64_t start = meta.dictionary_page_offset.value_or(meta.data_page_offset);
  std::string_view chunk =
      file.substr(static_cast<size_t>(start), static_cast<size_t>(meta.total_compressed_size));
  std::map<std::pair<PageType, Encoding>, int32_t> page_counts;
  int64_t rows = 0, uncompressed_total = 0;
  size_t pos = 0;
  bool first_page = true;
  while (pos < chunk.size()) {
    size_t header_size = 0;
    const PageHeader h =
        ReadPageHeader(chunk.substr(pos), header_size);  // "PageHeader missing sizes" would throw
    const int64_t at = start + static_cast<int64_t>(pos);
    if (h.type == PageType::kDictionaryPage) {
      // "dictionary_page_offset = 0 without dictionary" / duckdb#10829: the dictionary page is the
      // first page and exactly where dictionary_page_offset says.
      EXPECT_TRUE(first_page);
      EXPECT_EQ(meta.dictionary_page_offset, at);
      EXPECT_EQ(h.dictionary_page_header->encoding, Encoding::kPlain);
    } else if (first_page ||
               (page_counts.count({PageType::kDictionaryPage, Encoding::kPlain}) && rows == 0)) {
      EXPECT_EQ(meta.data_page_offset, at)
          << "data_page_offset must point at the first data page header";
    }
    first_page = false;
    const std::string_view body =
        chunk.substr(pos + header_size, static_cast<size_t>(h.compressed_page_size));
    EXPECT_EQ(body.size(), static_cast<size_t>(h.compressed_page_size))
        << "page overruns the chunk";
    std::string plain;
    Decompress(meta.codec, body, static_cast<size_t>(h.uncompressed_page_size),
               plain);  // "uncompressed_page_size wrong"
    EXPECT_EQ(plain.size(), static_cast<size_t>(h.uncompressed_page_size));
    uncompressed_total += static_cast<int64_t>(header_size) + h.uncompressed_page_size;
    if (h.type == PageType::kDataPage) {
      const DataPageHeader& d = *h.data_page_header;
      page_counts[{PageType::kDataPage, d.encoding}]++;
      EXPECT_EQ(d.definition_level_encoding, Encoding::kRle);
      EXPECT_EQ(d.repetition_level_encoding, Encoding::kRle);
      if (leaf.nullable) {
        // "v1 def levels without u32 length": the body starts with the levels' byte length.
        uint32_t length;
        std::memcpy(&length, plain.data(), 4);
        EXPECT_LE(length + 4, plain.size());
        std::vector<uint8_t> levels(static_cast<size_t>(d.num_values));
        RleBitPackedDecoder(std::string_view(plain).substr(4, length), 1)
            .Decode(levels.data(), levels.size());
        for (size_t i = 0; i < levels.size(); ++i) {
          EXPECT_EQ(levels[i], values.IsNull(first_row + static_cast<size_t>(rows) + i) ? 0 : 1);
        }
      }
      rows += d.num_values;  // "page num_values one short" shows up in the totals below
    } else {
      page_counts[{h.type, h.dictionary_page_header ? h.dictionary_page_header->encoding
                                                    : Encoding::kPlain}]++;
    }
    pos += header_size + static_cast<size_t>(h.compressed_page_size);
  }
  // "total_compressed_size ± n": the pages fill the chunk exactly.
  EXPECT_EQ(pos, chunk.size());
  EXPECT_EQ(meta.total_uncompressed_size, uncompressed_total);
  // encoding_stats must be exact (parquet-java DictionaryFilter trusts it).
  std::map<std::pair<PageType, Encoding>, int32_t> declared;
  for (const auto& s : meta.encoding_stats) declared[{s.page_type, s.encoding}] += s.count;
  EXPECT_EQ(declared, page_counts);
  // `encodings` lists every encoding used (PLAIN for the dictionary page, RLE for levels).
  std::set<Encoding> used{Encoding::kRle};
  for (const auto& [key, count] : page_counts)
    used.insert(key.first == PageType::kDictionaryPage ? Encoding::kPlain : key.second);
  EXPECT_EQ(std::set<Encoding>(meta.encodings.begin(), meta.encodings.end()), used);
  return rows;
}

template <typename T>
T Load(const std::string& bytes) {
  EXPECT_EQ(bytes.size(), sizeof(T));
  T v{};
  std::memcpy(&v, bytes.data(), std::min(bytes.size(), sizeof(T)));
  return v;
}

// "min/max stats swapped" and the ordering rules of §1.8, against the chunk's actual values.
void AuditStatistics(const Statistics& s, const ColumnVector& c, size_t begin, size_t end) {
  ASSERT_TRUE(s.null_count.has_value()) << "null_count must always be written";
  int64_t nulls = 0, nans = 0;
  for (size_t r = begin; r < end; ++r) {
    nulls += c.IsNull(r);
    nans += !c.IsNull(r) && c.type() == ColumnType::kDouble && std::isnan(c.GetDouble(r));
  }
  EXPECT_EQ(*s.null_count, nulls);
  if (c.type() == ColumnType::kDouble) {
    EXPECT_EQ(s.nan_count, nans);
  }
  const bool has_values = end - begin > static_cast<size_t>(nulls + nans);
  EXPECT_EQ(s.min_value.has_value(), s.max_value.has_value())
      << "min_value and max_value come as a pair";
  if (!s.min_value) {
    EXPECT_TRUE(!has_values ||
                c.type() == ColumnType::kString);  // strings: only without a short bound
    return;
  }
  EXPECT_TRUE(has_values);
  if (c.type() == ColumnType::kString) {
    EXPECT_FALSE(s.min || s.max) << "no deprecated signed min/max for strings";
    EXPECT_LE(s.min_value->size(), kMaxStatBytes);
    EXPECT_LE(s.max_value->size(), kMaxStatBytes);
    EXPECT_TRUE(core::IsValidUtf8(*s.min_value) && core::IsValidUtf8(*s.max_value));
    std::string_view lo, hi;
    bool first = true;
    for (size_t r = begin; r < end; ++r) {
      if (c.IsNull(r)) continue;
      const auto v = c.GetString(r);
      if (first || v < lo) lo = v;
      if (first || v > hi) hi = v;
      first = false;
    }
    EXPECT_LE(*s.min_value, lo);  // memcmp order: a lower bound (maybe a prefix)
    EXPECT_GE(*s.max_value, hi);  // an upper bound (maybe incremented)
    EXPECT_EQ(s.is_min_value_exact, *s.min_value == lo);
    EXPECT_EQ(s.is_max_value_exact, *s.max_value == hi);
    return;
  }
  EXPECT_EQ(s.min, s.min_value);
  EXPECT_EQ(s.max, s.max_value);
  for (size_t r = begin; r < end; ++r) {
    if (c.IsNull(r)) continue;
    switch (c.type()) {
      case ColumnType::kBoolean:
        EXPECT_LE(Load<uint8_t>(*s.min_value), c.GetBool(r));
        EXPECT_GE(Load<uint8_t>(*s.max_value), c.GetBool(r));
        break;
      case ColumnType::kInt32:
      case ColumnType::kDate:
        EXPECT_LE(Load<int32_t>(*s.min_value), c.GetInt32(r));
        EXPECT_GE(Load<int32_t>(*s.max_value), c.GetInt32(r));
        break;
      case ColumnType::kInt64:
      case ColumnType::kTimestamp:
        EXPECT_LE(Load<int64_t>(*s.min_value), c.GetInt64(r));
        EXPECT_GE(Load<int64_t>(*s.max_value), c.GetInt64(r));
        break;
      case ColumnType::kDouble: {
        const double v = c.GetDouble(r), lo = Load<double>(*s.min_value),
                     hi = Load<double>(*s.max_value);
        EXPECT_FALSE(std::isnan(lo) || std::isnan(hi)) << "NaN never becomes a bound";
        EXPECT_TRUE(lo != 0 || std::signbit(lo)) << "a zero minimum is written as -0.0";
        EXPECT_TRUE(hi != 0 || !std::signbit(hi)) << "a zero maximum is written as +0.0";
        EXPECT_TRUE(std::isnan(v) || (lo <= v && v <= hi));
        break;
      }
      case ColumnType::kString:
        break;
    }
  }
}

// The whole audit of one file written from `batch`.
void AuditFile(const std::string& file, const Batch& batch, const WriterOptions& options) {
  ASSERT_EQ(file.substr(0, 4), "PAR1");
  ASSERT_EQ(file.substr(file.size() - 4), "PAR1");
  const FileMetaData m = ReadFileMetaData(FooterBytes(file));
  EXPECT_EQ(m.version, 1);
  // created_by parseable by parquet-java's VersionParser, or Java engines drop string stats.
  ASSERT_TRUE(m.created_by.has_value());
  const std::regex version_parser(
      R"((.*?)\s+version\s*(?:([^(]*?)\s*(?:\(\s*build\s*([^)]*?)\s*\))?)?)");
  std::smatch match;
  EXPECT_TRUE(std::regex_match(*m.created_by, match, version_parser)) << *m.created_by;
  EXPECT_EQ(match[1], "unwrapped");
  EXPECT_FALSE(match[3].str().empty()) << "build hash";
  // column_orders: one TYPE_ORDER per leaf, or min_value/max_value are undefined.
  EXPECT_EQ(m.column_orders, std::vector<bool>(batch.num_columns(), true));
  // Schema: root group + leaves with both LogicalType and ConvertedType where one exists.
  ASSERT_EQ(m.schema.size(), batch.num_columns() + 1);
  EXPECT_FALSE(m.schema[0].type.has_value());
  EXPECT_EQ(m.schema[0].num_children, static_cast<int32_t>(batch.num_columns()));
  for (size_t c = 0; c < batch.num_columns(); ++c) {
    const SchemaElement& e = m.schema[c + 1];
    EXPECT_EQ(e.logical_type.kind != 0, e.converted_type.has_value()) << e.name;
  }
  for (const auto& [k, v] : options.key_value_metadata) {
    EXPECT_TRUE(std::any_of(m.key_value_metadata.begin(), m.key_value_metadata.end(),
                            [&](const KeyValue& kv) { return kv.key == k && kv.value == v; }));
  }
  const WireFields wire = WalkFooter(FooterBytes(file));
  const auto leaves = ResolveLeaves(m.schema);
  int64_t total_rows = 0;
  size_t chunk_index = 0;
  const uint64_t footer_start = file.size() - 8 - FooterBytes(file).size();
  for (size_t g = 0; g < m.row_groups.size(); ++g) {
    const RowGroup& group = m.row_groups[g];
    EXPECT_TRUE(wire.row_groups[g].count(2)) << "RowGroup.total_byte_size missing";
    EXPECT_EQ(group.ordinal, static_cast<int16_t>(g));
    int64_t byte_size = 0, compressed = 0;
    for (size_t c = 0; c < group.columns.size(); ++c, ++chunk_index) {
      EXPECT_TRUE(wire.column_chunks[chunk_index].count(2))
          << "ColumnChunk.file_offset missing on the wire";
      EXPECT_TRUE(wire.column_metadata[chunk_index].count(5))
          << "ColumnMetaData.num_values missing";
      const ColumnMetaData& meta = *group.columns[c].meta_data;
      const int64_t start = meta.dictionary_page_offset.value_or(meta.data_page_offset);
      if (c == 0) {
        EXPECT_EQ(group.file_offset, start) << "RowGroup.file_offset must be exact (PARQUET-2078)";
      }
      // Chunks are back to back: each ends where the next starts, the last where the footer does.
      const uint64_t next =
          c + 1 < group.columns.size()
              ? static_cast<uint64_t>(
                    group.columns[c + 1].meta_data->dictionary_page_offset.value_or(
                        group.columns[c + 1].meta_data->data_page_offset))
          : g + 1 < m.row_groups.size() ? static_cast<uint64_t>(*m.row_groups[g + 1].file_offset)
                                        : footer_start;
      EXPECT_EQ(static_cast<uint64_t>(start + meta.total_compressed_size), next)
          << "total_compressed_size";
      EXPECT_EQ(meta.num_values, group.num_rows);
      EXPECT_EQ(meta.codec, options.codec);
      EXPECT_EQ(AuditChunk(file, meta, leaves[c], batch.column(c), static_cast<size_t>(total_rows)),
                group.num_rows)
          << "page num_values must add up to RowGroup.num_rows";
      if (options.statistics) {
        ASSERT_TRUE(meta.statistics.has_value());
        AuditStatistics(*meta.statistics, batch.column(c), static_cast<size_t>(total_rows),
                        static_cast<size_t>(total_rows + group.num_rows));
      }
      byte_size += meta.total_uncompressed_size;
      compressed += meta.total_compressed_size;
    }
    EXPECT_EQ(group.total_byte_size, byte_size);
    EXPECT_EQ(group.total_compressed_size, compressed);
    total_rows += group.num_rows;
  }
  EXPECT_EQ(m.num_rows, total_rows);
  EXPECT_EQ(total_rows, static_cast<int64_t>(batch.num_rows()));
}

RC_GTEST_PROP(Pitfalls, NoneInRandomFiles, ()) {
  const Schema schema = *test::GenSchema();
  const Batch batch = test::GenBatch(schema, *rc::gen::inRange<size_t>(0, 400));
  WriterOptions options = *test::GenOptions();
  options.key_value_metadata = {{"unwrapped.table", "listening_events"}};
  AuditFile(WriteParquet(batch, options), batch, options);
  RC_ASSERT(!::testing::Test::HasFailure());
}

TEST(Pitfalls, DictionaryPageOffsetIsOmittedWithoutADictionary) {
  Batch batch(Schema({{"b", ColumnType::kBoolean, true}, {"s", ColumnType::kString, true}}));
  for (int i = 0; i < 100; ++i) {
    batch.column(0).AppendBool(i % 2);
    batch.column(1).AppendNull();  // only nulls: nothing to put in a dictionary
  }
  const FileMetaData m = FileReader::OpenBytes(WriteParquet(batch)).metadata();
  for (const auto& chunk : m.row_groups[0].columns)
    EXPECT_FALSE(chunk.meta_data->dictionary_page_offset.has_value());
  AuditFile(WriteParquet(batch), batch, {});
}

TEST(Pitfalls, StatisticsFollowTheOrderingRules) {
  Batch batch(Schema({{"d", ColumnType::kDouble, true}, {"s", ColumnType::kString, true}}));
  for (double v : {0.0, -0.0, std::nan(""), 3.5}) batch.column(0).AppendDouble(v);
  for (std::string v : {std::string(100, 'b') + "é", std::string("a"),
                        std::string("\xf4\x8f\xbf\xbf", 4), std::string()}) {
    batch.column(1).AppendString(v);
  }
  const FileMetaData m = FileReader::OpenBytes(WriteParquet(batch)).metadata();
  const Statistics& d = *m.row_groups[0].columns[0].meta_data->statistics;
  EXPECT_EQ(d.nan_count, 1);
  EXPECT_TRUE(std::signbit(Load<double>(*d.min_value)) && Load<double>(*d.min_value) == 0);
  EXPECT_EQ(Load<double>(*d.max_value), 3.5);
  const Statistics& s = *m.row_groups[0].columns[1].meta_data->statistics;
  EXPECT_EQ(s.min_value, "");
  EXPECT_EQ(s.max_value, std::string("\xf4\x8f\xbf\xbf", 4));  // U+10FFFF sorts last byte-wise
  AuditFile(WriteParquet(batch), batch, {});
}

TEST(Pitfalls, LongStringBoundsAreTruncatedSafely) {
  EXPECT_EQ(TruncateMinString(std::string(70, 'a'), 64), std::string(64, 'a'));
  EXPECT_EQ(TruncateMaxString(std::string(70, 'a'), 64), std::string(63, 'a') + "b");
  // Never cut inside a code point; increment the code point, not the byte.
  const std::string e_acute = "\xc3\xa9";  // é
  std::string text;
  for (int i = 0; i < 40; ++i) text += e_acute;  // 80 bytes
  EXPECT_EQ(TruncateMinString(text, 64).size(), 64u);
  EXPECT_EQ(*TruncateMaxString(text, 64), text.substr(0, 62) + "\xc3\xaa");  // ... ê
  const std::string top = "\xf4\x8f\xbf\xbf";  // U+10FFFF cannot be incremented: drop it
  std::string tops = "a";
  for (int i = 0; i < 20; ++i) tops += top;
  EXPECT_EQ(*TruncateMaxString(tops, 64), "b");
  EXPECT_FALSE(TruncateMaxString(tops.substr(1), 64).has_value());
  const std::string before_surrogates = "\xed\x9f\xbf";  // U+D7FF → next is U+E000
  EXPECT_EQ(*TruncateMaxString(before_surrogates + std::string(70, 'z'), 3), "\xee\x80\x80");
}

}  // namespace
}  // namespace uw::parquet
