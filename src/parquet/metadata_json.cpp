#include "parquet/metadata_json.h"

#include <fmt/format.h>

#include <optional>
#include <vector>

#include "core/text.h"
#include "parquet/file_schema.h"
#include "parquet/predicate.h"
#include "parquet/value_format.h"

namespace uw::parquet {
namespace {

// Minimal indented JSON writer: Key() before each member of an object, values in order.
class JsonWriter {
 public:
  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view key) {
    Separate();
    core::AppendJsonString(out_, key);
    out_ += ": ";
    after_key_ = true;
  }
  void Raw(std::string_view token) {
    Separate();
    out_ += token;
  }
  void String(std::string_view s) {
    Separate();
    core::AppendJsonString(out_, s);
  }
  void Int(int64_t v) { Raw(std::to_string(v)); }
  template <typename T>
  void Member(std::string_view key, const std::optional<T>& v) {
    if (!v) return;
    Key(key);
    if constexpr (std::is_same_v<T, std::string>)
      String(*v);
    else if constexpr (std::is_same_v<T, bool>)
      Raw(*v ? "true" : "false");
    else
      Int(*v);
  }
  std::string Take() { return std::move(out_) + "\n"; }

 private:
  void Separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!first_.empty()) {
      if (!first_.back()) out_ += ',';
      first_.back() = false;
      Newline();
    }
  }
  void Open(char c) {
    Separate();
    out_ += c;
    first_.push_back(true);
  }
  void Close(char c) {
    const bool empty = first_.back();
    first_.pop_back();
    if (!empty) Newline();
    out_ += c;
  }
  void Newline() {
    out_ += '\n';
    out_.append(2 * first_.size(), ' ');
  }
  std::string out_;
  std::vector<bool> first_;
  bool after_key_ = false;
};

std::string Hex(std::string_view bytes) {
  std::string out;
  for (unsigned char c : bytes) out += fmt::format("{:02x}", c);
  return out;
}

std::string LogicalTypeText(const LogicalType& t) {
  switch (t.kind) {
    case 0:
      return "";
    case LogicalType::kString:
      return "STRING";
    case LogicalType::kDate:
      return "DATE";
    case LogicalType::kJson:
      return "JSON";
    case LogicalType::kUnknown:
      return "UNKNOWN";
    case LogicalType::kDecimal:
      return fmt::format("DECIMAL({},{})", t.precision, t.scale);
    case LogicalType::kInteger:
      return fmt::format("INTEGER({},{})", t.bit_width, t.is_signed ? "signed" : "unsigned");
    case LogicalType::kTime:
    case LogicalType::kTimestamp: {
      const char* unit = t.unit == TimeUnit::kMillis  ? "MILLIS"
                         : t.unit == TimeUnit::kNanos ? "NANOS"
                                                      : "MICROS";
      return fmt::format("{}(isAdjustedToUTC={},{})",
                         t.kind == LogicalType::kTime ? "TIME" : "TIMESTAMP", t.is_adjusted_to_utc,
                         unit);
    }
    default:
      return fmt::format("logical type {}", t.kind);
  }
}

void WriteSchema(JsonWriter& w, const FileMetaData& m, const std::vector<LeafColumn>* leaves) {
  w.Key("schema");
  w.BeginArray();
  for (size_t i = 0; i < m.schema.size(); ++i) {
    const SchemaElement& e = m.schema[i];
    w.BeginObject();
    w.Key("name");
    w.String(e.name);
    if (e.type) {
      w.Key("physical_type");
      w.String(PhysicalTypeName(*e.type));
    }
    w.Member("type_length", e.type_length);
    if (e.repetition_type) {
      w.Key("repetition");
      w.String(*e.repetition_type == Repetition::kRequired   ? "REQUIRED"
               : *e.repetition_type == Repetition::kOptional ? "OPTIONAL"
                                                             : "REPEATED");
    }
    w.Member("num_children", e.num_children);
    if (e.converted_type) {
      w.Key("converted_type");
      w.String(ConvertedTypeName(*e.converted_type));
    }
    if (e.logical_type.kind != 0) {
      w.Key("logical_type");
      w.String(LogicalTypeText(e.logical_type));
    }
    if (leaves && i > 0) {
      const LeafColumn& leaf = (*leaves)[i - 1];
      w.Key("reads_as");
      if (leaf.type)
        w.String(ColumnTypeName(*leaf.type));
      else
        w.String("unsupported: " + leaf.unsupported);
    }
    w.EndObject();
  }
  w.EndArray();
}

void WriteStatistics(JsonWriter& w, const Statistics& s, const LeafColumn* leaf, bool type_order) {
  w.Key("statistics");
  w.BeginObject();
  w.Member("null_count", s.null_count);
  w.Member("nan_count", s.nan_count);
  w.Member("distinct_count", s.distinct_count);
  const auto range = leaf ? DecodeStatistics(*leaf, s, type_order) : std::nullopt;
  if (range) {
    std::string token;
    AppendJsonScalar(range->min, *leaf->type, token);
    w.Key("min");
    w.Raw(token);
    token.clear();
    AppendJsonScalar(range->max, *leaf->type, token);
    w.Key("max");
    w.Raw(token);
  } else if (s.min_value || s.min) {
    // Not decodable with a known order: show the stored bytes.
    w.Member("min_value_hex", s.min_value ? std::optional(Hex(*s.min_value)) : std::nullopt);
    w.Member("max_value_hex", s.max_value ? std::optional(Hex(*s.max_value)) : std::nullopt);
    w.Member("min_hex", s.min ? std::optional(Hex(*s.min)) : std::nullopt);
    w.Member("max_hex", s.max ? std::optional(Hex(*s.max)) : std::nullopt);
  }
  w.Member("is_min_value_exact", s.is_min_value_exact);
  w.Member("is_max_value_exact", s.is_max_value_exact);
  w.EndObject();
}

void WriteChunk(JsonWriter& w, const ColumnChunk& chunk, const LeafColumn* leaf, bool type_order) {
  w.BeginObject();
  w.Key("file_offset");
  w.Int(chunk.file_offset);
  w.Member("file_path", chunk.file_path);
  if (const auto& m = chunk.meta_data) {
    w.Key("path");
    std::string path;
    for (const auto& p : m->path_in_schema) path += (path.empty() ? "" : ".") + p;
    w.String(path);
    w.Key("physical_type");
    w.String(PhysicalTypeName(m->type));
    w.Key("codec");
    w.String(CodecName(m->codec));
    w.Key("encodings");
    w.BeginArray();
    for (Encoding e : m->encodings) w.String(EncodingName(e));
    w.EndArray();
    if (!m->encoding_stats.empty()) {
      w.Key("pages");
      w.BeginArray();
      for (const auto& s : m->encoding_stats) {
        w.Raw(fmt::format("{{\"page_type\": \"{}\", \"encoding\": \"{}\", \"count\": {}}}",
                          PageTypeName(s.page_type), EncodingName(s.encoding), s.count));
      }
      w.EndArray();
    }
    w.Key("num_values");
    w.Int(m->num_values);
    w.Key("total_compressed_size");
    w.Int(m->total_compressed_size);
    w.Key("total_uncompressed_size");
    w.Int(m->total_uncompressed_size);
    w.Key("data_page_offset");
    w.Int(m->data_page_offset);
    w.Member("dictionary_page_offset", m->dictionary_page_offset);
    w.Member("index_page_offset", m->index_page_offset);
    if (m->statistics) WriteStatistics(w, *m->statistics, leaf, type_order);
  }
  w.EndObject();
}

void WriteRowGroup(JsonWriter& w, const FileMetaData& m, size_t g,
                   const std::vector<LeafColumn>* leaves) {
  const RowGroup& group = m.row_groups[g];
  w.BeginObject();
  w.Key("index");
  w.Int(static_cast<int64_t>(g));
  w.Key("num_rows");
  w.Int(group.num_rows);
  w.Key("total_byte_size");
  w.Int(group.total_byte_size);
  w.Member("total_compressed_size", group.total_compressed_size);
  w.Member("file_offset", group.file_offset);
  w.Member("ordinal", group.ordinal ? std::optional<int64_t>(*group.ordinal) : std::nullopt);
  w.Key("columns");
  w.BeginArray();
  for (size_t c = 0; c < group.columns.size(); ++c) {
    const LeafColumn* leaf = leaves && c < leaves->size() ? &(*leaves)[c] : nullptr;
    WriteChunk(w, group.columns[c], leaf, c < m.column_orders.size() && m.column_orders[c]);
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace

std::string FooterJson(const FileFacts& facts, const FileMetaData& m) {
  std::optional<std::vector<LeafColumn>> leaves;
  try {
    leaves = ResolveLeaves(m.schema);
  } catch (const std::exception&) {
    // Nested or malformed schema: everything but the typed statistics can still be shown.
  }
  JsonWriter w;
  w.BeginObject();
  w.Key("file");
  w.String(facts.name);
  w.Key("size_bytes");
  w.Int(static_cast<int64_t>(facts.size_bytes));
  w.Key("footer_bytes");
  w.Int(facts.footer_bytes);
  w.Key("version");
  w.Int(m.version);
  w.Member("created_by", m.created_by);
  w.Key("num_rows");
  w.Int(m.num_rows);
  w.Key("num_row_groups");
  w.Int(static_cast<int64_t>(m.row_groups.size()));
  w.Key("key_value_metadata");
  w.BeginObject();
  for (const auto& kv : m.key_value_metadata) {
    w.Key(kv.key);
    kv.value ? w.String(*kv.value) : w.Raw("null");
  }
  w.EndObject();
  WriteSchema(w, m, leaves ? &*leaves : nullptr);
  w.Key("column_orders");
  w.BeginArray();
  for (bool type_order : m.column_orders) w.String(type_order ? "TYPE_ORDER" : "UNKNOWN");
  w.EndArray();
  w.Key("row_groups");
  w.BeginArray();
  for (size_t g = 0; g < m.row_groups.size(); ++g)
    WriteRowGroup(w, m, g, leaves ? &*leaves : nullptr);
  w.EndArray();
  w.EndObject();
  return w.Take();
}

}  // namespace uw::parquet
