// Compact-protocol serialisation of the metadata structs. Field ids are those of parquet.thrift;
// fields are written in ascending id order, as the compact protocol's delta headers expect.
#include "parquet/metadata.h"
#include "parquet/thrift_compact.h"

namespace uw::parquet {
namespace {

using thrift::CompactWriter;
using thrift::Type;

int32_t Wire(auto value) { return static_cast<int32_t>(value); }

void WriteLogicalType(CompactWriter& w, const LogicalType& t) {
  w.FieldStruct(10);
  w.FieldStruct(t.kind);
  switch (t.kind) {
    case LogicalType::kTimestamp:
    case LogicalType::kTime:
      w.FieldBool(1, t.is_adjusted_to_utc);
      w.FieldStruct(2);             // TimeUnit union
      w.FieldStruct(Wire(t.unit));  // the empty MILLIS/MICROS/NANOS struct
      w.EndStruct();
      w.EndStruct();
      break;
    case LogicalType::kInteger:
      w.FieldI8(1, t.bit_width);
      w.FieldBool(2, t.is_signed);
      break;
    case LogicalType::kDecimal:
      w.FieldI32(1, t.scale);
      w.FieldI32(2, t.precision);
      break;
    default:
      break;  // STRING, DATE, JSON, UNKNOWN: empty structs
  }
  w.EndStruct();
  w.EndStruct();
}

void WriteSchemaElement(CompactWriter& w, const SchemaElement& e) {
  w.BeginStruct();
  if (e.type) w.FieldI32(1, Wire(*e.type));
  if (e.type_length) w.FieldI32(2, *e.type_length);
  if (e.repetition_type) w.FieldI32(3, Wire(*e.repetition_type));
  w.FieldBinary(4, e.name);
  if (e.num_children) w.FieldI32(5, *e.num_children);
  if (e.converted_type) w.FieldI32(6, Wire(*e.converted_type));
  if (e.scale) w.FieldI32(7, *e.scale);
  if (e.precision) w.FieldI32(8, *e.precision);
  if (e.field_id) w.FieldI32(9, *e.field_id);
  if (e.logical_type.kind != 0) WriteLogicalType(w, e.logical_type);
  w.EndStruct();
}

void WriteStatistics(CompactWriter& w, int16_t id, const Statistics& s) {
  w.FieldStruct(id);
  if (s.max) w.FieldBinary(1, *s.max);
  if (s.min) w.FieldBinary(2, *s.min);
  if (s.null_count) w.FieldI64(3, *s.null_count);
  if (s.distinct_count) w.FieldI64(4, *s.distinct_count);
  if (s.max_value) w.FieldBinary(5, *s.max_value);
  if (s.min_value) w.FieldBinary(6, *s.min_value);
  if (s.is_max_value_exact) w.FieldBool(7, *s.is_max_value_exact);
  if (s.is_min_value_exact) w.FieldBool(8, *s.is_min_value_exact);
  if (s.nan_count) w.FieldI64(9, *s.nan_count);
  w.EndStruct();
}

void WriteColumnMetaData(CompactWriter& w, const ColumnMetaData& m) {
  w.FieldStruct(3);
  w.FieldI32(1, Wire(m.type));
  w.FieldList(2, Type::kI32, m.encodings.size());
  for (Encoding e : m.encodings) w.I32(Wire(e));
  w.FieldList(3, Type::kBinary, m.path_in_schema.size());
  for (const auto& p : m.path_in_schema) w.Binary(p);
  w.FieldI32(4, Wire(m.codec));
  w.FieldI64(5, m.num_values);
  w.FieldI64(6, m.total_uncompressed_size);
  w.FieldI64(7, m.total_compressed_size);
  w.FieldI64(9, m.data_page_offset);
  if (m.index_page_offset) w.FieldI64(10, *m.index_page_offset);
  if (m.dictionary_page_offset) w.FieldI64(11, *m.dictionary_page_offset);
  if (m.statistics) WriteStatistics(w, 12, *m.statistics);
  if (!m.encoding_stats.empty()) {
    w.FieldList(13, Type::kStruct, m.encoding_stats.size());
    for (const auto& s : m.encoding_stats) {
      w.BeginStruct();
      w.FieldI32(1, Wire(s.page_type));
      w.FieldI32(2, Wire(s.encoding));
      w.FieldI32(3, s.count);
      w.EndStruct();
    }
  }
  if (m.bloom_filter_offset) w.FieldI64(14, *m.bloom_filter_offset);
  w.EndStruct();
}

void WriteRowGroup(CompactWriter& w, const RowGroup& g) {
  w.BeginStruct();
  w.FieldList(1, Type::kStruct, g.columns.size());
  for (const auto& c : g.columns) {
    w.BeginStruct();
    if (c.file_path) w.FieldBinary(1, *c.file_path);
    w.FieldI64(2, c.file_offset);
    if (c.meta_data) WriteColumnMetaData(w, *c.meta_data);
    if (c.offset_index_offset) w.FieldI64(4, *c.offset_index_offset);
    if (c.column_index_offset) w.FieldI64(6, *c.column_index_offset);
    w.EndStruct();
  }
  w.FieldI64(2, g.total_byte_size);
  w.FieldI64(3, g.num_rows);
  if (g.file_offset) w.FieldI64(5, *g.file_offset);
  if (g.total_compressed_size) w.FieldI64(6, *g.total_compressed_size);
  if (g.ordinal) w.FieldI16(7, *g.ordinal);
  w.EndStruct();
}

}  // namespace

void WriteFileMetaData(const FileMetaData& m, std::string& out) {
  CompactWriter w(out);
  w.BeginStruct();
  w.FieldI32(1, m.version);
  w.FieldList(2, Type::kStruct, m.schema.size());
  for (const auto& e : m.schema) WriteSchemaElement(w, e);
  w.FieldI64(3, m.num_rows);
  w.FieldList(4, Type::kStruct, m.row_groups.size());
  for (const auto& g : m.row_groups) WriteRowGroup(w, g);
  if (!m.key_value_metadata.empty()) {
    w.FieldList(5, Type::kStruct, m.key_value_metadata.size());
    for (const auto& kv : m.key_value_metadata) {
      w.BeginStruct();
      w.FieldBinary(1, kv.key);
      if (kv.value) w.FieldBinary(2, *kv.value);
      w.EndStruct();
    }
  }
  if (m.created_by) w.FieldBinary(6, *m.created_by);
  if (!m.column_orders.empty()) {
    w.FieldList(7, Type::kStruct, m.column_orders.size());
    for (size_t i = 0; i < m.column_orders.size(); ++i) {
      w.BeginStruct();   // ColumnOrder union
      w.FieldStruct(1);  // TYPE_ORDER: TypeDefinedOrder {}
      w.EndStruct();
      w.EndStruct();
    }
  }
  w.EndStruct();
}

void WritePageHeader(const PageHeader& h, std::string& out) {
  CompactWriter w(out);
  w.BeginStruct();
  w.FieldI32(1, Wire(h.type));
  w.FieldI32(2, h.uncompressed_page_size);
  w.FieldI32(3, h.compressed_page_size);
  if (h.crc) w.FieldI32(4, *h.crc);
  if (const auto& d = h.data_page_header) {
    w.FieldStruct(5);
    w.FieldI32(1, d->num_values);
    w.FieldI32(2, Wire(d->encoding));
    w.FieldI32(3, Wire(d->definition_level_encoding));
    w.FieldI32(4, Wire(d->repetition_level_encoding));
    if (d->statistics) WriteStatistics(w, 5, *d->statistics);
    w.EndStruct();
  }
  if (const auto& d = h.dictionary_page_header) {
    w.FieldStruct(7);
    w.FieldI32(1, d->num_values);
    w.FieldI32(2, Wire(d->encoding));
    if (d->is_sorted) w.FieldBool(3, *d->is_sorted);
    w.EndStruct();
  }
  if (const auto& d = h.data_page_header_v2) {
    w.FieldStruct(8);
    w.FieldI32(1, d->num_values);
    w.FieldI32(2, d->num_nulls);
    w.FieldI32(3, d->num_rows);
    w.FieldI32(4, Wire(d->encoding));
    w.FieldI32(5, d->definition_levels_byte_length);
    w.FieldI32(6, d->repetition_levels_byte_length);
    w.FieldBool(7, d->is_compressed);
    if (d->statistics) WriteStatistics(w, 8, *d->statistics);
    w.EndStruct();
  }
  w.EndStruct();
}

}  // namespace uw::parquet
