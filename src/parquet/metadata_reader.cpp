// Compact-protocol parsing of the metadata structs from untrusted bytes. A known field with an
// unexpected wire type is skipped (as Thrift's generated code does) and then caught by the
// required-field checks; unknown fields are skipped generically.
#include "core/error.h"
#include "parquet/metadata.h"
#include "parquet/thrift_fields.h"

namespace uw::parquet {
namespace detail {

Statistics ReadStatistics(CompactReader& r) {
  Statistics s;
  ForEachField(r, [&](int16_t id, Type t) {
    switch (id) {
      case 1:
        return ReadString(r, t, s.max);
      case 2:
        return ReadString(r, t, s.min);
      case 3:
        return ReadI64(r, t, s.null_count);
      case 4:
        return ReadI64(r, t, s.distinct_count);
      case 5:
        return ReadString(r, t, s.max_value);
      case 6:
        return ReadString(r, t, s.min_value);
      case 7:
        return ReadOptBool(r, t, s.is_max_value_exact);
      case 8:
        return ReadOptBool(r, t, s.is_min_value_exact);
      case 9:
        return ReadI64(r, t, s.nan_count);
      default:
        return false;
    }
  });
  return s;
}

}  // namespace detail

namespace {

using namespace detail;

TimeUnit ReadTimeUnit(CompactReader& r) {
  TimeUnit unit = TimeUnit::kMicros;
  ForEachField(r, [&](int16_t id, Type t) {
    if (t != Type::kStruct || id < 1 || id > 3) return false;
    unit = static_cast<TimeUnit>(id);
    return false;  // skip the empty struct itself
  });
  return unit;
}

LogicalType ReadLogicalType(CompactReader& r) {
  LogicalType lt;
  ForEachField(r, [&](int16_t kind, Type t) {
    if (t != Type::kStruct) return false;
    lt.kind = kind;
    ForEachField(r, [&](int16_t id, Type ft) {
      switch (kind) {
        case LogicalType::kTimestamp:
        case LogicalType::kTime:
          if (id == 1 && IsBool(ft)) return lt.is_adjusted_to_utc = r.ReadBool(ft), true;
          if (id == 2 && ft == Type::kStruct) return lt.unit = ReadTimeUnit(r), true;
          return false;
        case LogicalType::kInteger:
          if (id == 1 && ft == Type::kI8) return lt.bit_width = r.ReadI8(), true;
          if (id == 2 && IsBool(ft)) return lt.is_signed = r.ReadBool(ft), true;
          return false;
        case LogicalType::kDecimal:
          if (id == 1) return ReadI32(r, ft, lt.scale);
          if (id == 2) return ReadI32(r, ft, lt.precision);
          return false;
        default:
          return false;
      }
    });
    return true;
  });
  return lt;
}

SchemaElement ReadSchemaElement(CompactReader& r) {
  SchemaElement e;
  Required req("SchemaElement");
  ForEachField(r, [&](int16_t id, Type t) {
    switch (id) {
      case 1:
        return ReadEnum(r, t, e.type);
      case 2:
        return ReadI32(r, t, e.type_length);
      case 3:
        return ReadEnum(r, t, e.repetition_type);
      case 4:
        return ReadString(r, t, e.name) && (req.Saw(4), true);
      case 5:
        return ReadI32(r, t, e.num_children);
      case 6:
        return ReadEnum(r, t, e.converted_type);
      case 7:
        return ReadI32(r, t, e.scale);
      case 8:
        return ReadI32(r, t, e.precision);
      case 9:
        return ReadI32(r, t, e.field_id);
      case 10:
        return t == Type::kStruct && (e.logical_type = ReadLogicalType(r), true);
      default:
        return false;
    }
  });
  req.Check(4, "name");
  return e;
}

PageEncodingStats ReadPageEncodingStats(CompactReader& r) {
  PageEncodingStats s;
  ForEachField(r, [&](int16_t id, Type t) {
    switch (id) {
      case 1:
        return ReadEnum(r, t, s.page_type);
      case 2:
        return ReadEnum(r, t, s.encoding);
      case 3:
        return ReadI32(r, t, s.count);
      default:
        return false;
    }
  });
  return s;
}

ColumnMetaData ReadColumnMetaData(CompactReader& r) {
  ColumnMetaData m;
  Required req("ColumnMetaData");
  ForEachField(r, [&](int16_t id, Type t) {
    bool ok = false;
    switch (id) {
      case 1:
        ok = ReadEnum(r, t, m.type);
        break;
      case 2:
        ok = ReadList(r, t, Type::kI32,
                      [&] { m.encodings.push_back(static_cast<Encoding>(r.ReadI32())); });
        break;
      case 3:
        ok = ReadList(r, t, Type::kBinary, [&] { m.path_in_schema.emplace_back(r.ReadBinary()); });
        break;
      case 4:
        ok = ReadEnum(r, t, m.codec);
        break;
      case 5:
        ok = ReadI64(r, t, m.num_values);
        break;
      case 6:
        ok = ReadI64(r, t, m.total_uncompressed_size);
        break;
      case 7:
        ok = ReadI64(r, t, m.total_compressed_size);
        break;
      case 9:
        ok = ReadI64(r, t, m.data_page_offset);
        break;
      case 10:
        ok = ReadI64(r, t, m.index_page_offset);
        break;
      case 11:
        ok = ReadI64(r, t, m.dictionary_page_offset);
        break;
      case 12:
        ok = t == Type::kStruct && (m.statistics = ReadStatistics(r), true);
        break;
      case 13:
        ok = ReadList(r, t, Type::kStruct,
                      [&] { m.encoding_stats.push_back(ReadPageEncodingStats(r)); });
        break;
      case 14:
        ok = ReadI64(r, t, m.bloom_filter_offset);
        break;
      default:
        break;
    }
    if (ok) req.Saw(id);
    return ok;
  });
  req.Check(1, "type");
  req.Check(3, "path_in_schema");
  req.Check(4, "codec");
  req.Check(5, "num_values");
  req.Check(6, "total_uncompressed_size");
  req.Check(7, "total_compressed_size");
  req.Check(9, "data_page_offset");
  return m;
}

ColumnChunk ReadColumnChunk(CompactReader& r) {
  ColumnChunk c;
  ForEachField(r, [&](int16_t id, Type t) {
    switch (id) {
      case 1:
        return ReadString(r, t, c.file_path);
      case 2:
        return ReadI64(r, t, c.file_offset);
      case 3:
        return t == Type::kStruct && (c.meta_data = ReadColumnMetaData(r), true);
      case 4:
        return ReadI64(r, t, c.offset_index_offset);
      case 6:
        return ReadI64(r, t, c.column_index_offset);
      default:
        return false;
    }
  });
  // "Optional" in parquet.thrift, but writers MUST populate it; requiring it also keeps every
  // parsed chunk backed by real bytes, which bounds what a hostile footer can make us allocate.
  if (!c.meta_data) Fail(ErrorCode::kCorrupt, "ColumnChunk is missing required field meta_data");
  return c;
}

RowGroup ReadRowGroup(CompactReader& r) {
  RowGroup g;
  Required req("RowGroup");
  ForEachField(r, [&](int16_t id, Type t) {
    bool ok = false;
    switch (id) {
      case 1:
        ok = ReadList(r, t, Type::kStruct, [&] { g.columns.push_back(ReadColumnChunk(r)); });
        break;
      case 2:
        ok = ReadI64(r, t, g.total_byte_size);
        break;
      case 3:
        ok = ReadI64(r, t, g.num_rows);
        break;
      case 5:
        ok = ReadI64(r, t, g.file_offset);
        break;
      case 6:
        ok = ReadI64(r, t, g.total_compressed_size);
        break;
      case 7:
        ok = t == Type::kI16 && (g.ordinal = r.ReadI16(), true);
        break;
      default:
        break;
    }
    if (ok) req.Saw(id);
    return ok;
  });
  req.Check(1, "columns");
  req.Check(3, "num_rows");
  return g;
}

void ReadColumnOrders(CompactReader& r, std::vector<bool>& orders) {
  ForEachField(r, [&](int16_t id, Type t) {
    if (t != Type::kStruct) return false;
    orders.push_back(id == 1);
    return false;
  });
}

}  // namespace

FileMetaData ReadFileMetaData(std::string_view bytes) {
  CompactReader r(bytes);
  FileMetaData m;
  Required req("FileMetaData");
  ForEachField(r, [&](int16_t id, Type t) {
    bool ok = false;
    switch (id) {
      case 1:
        ok = ReadI32(r, t, m.version);
        break;
      case 2:
        ok = ReadList(r, t, Type::kStruct, [&] { m.schema.push_back(ReadSchemaElement(r)); });
        break;
      case 3:
        ok = ReadI64(r, t, m.num_rows);
        break;
      case 4:
        ok = ReadList(r, t, Type::kStruct, [&] { m.row_groups.push_back(ReadRowGroup(r)); });
        break;
      case 5:
        ok = ReadList(r, t, Type::kStruct, [&] {
          KeyValue kv;
          Required kv_req("KeyValue");
          ForEachField(r, [&](int16_t kid, Type kt) {
            if (kid == 1) return ReadString(r, kt, kv.key) && (kv_req.Saw(1), true);
            if (kid == 2) return ReadString(r, kt, kv.value);
            return false;
          });
          kv_req.Check(1, "key");
          m.key_value_metadata.push_back(std::move(kv));
        });
        break;
      case 6:
        ok = ReadString(r, t, m.created_by);
        break;
      case 7:
        ok = ReadList(r, t, Type::kStruct, [&] { ReadColumnOrders(r, m.column_orders); });
        break;
      default:
        break;
    }
    if (ok) req.Saw(id);
    return ok;
  });
  req.Check(2, "schema");
  req.Check(3, "num_rows");
  req.Check(4, "row_groups");
  return m;
}

}  // namespace uw::parquet
