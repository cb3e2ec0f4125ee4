// Compact-protocol parsing of page headers (untrusted bytes, one per page).
#include "core/error.h"
#include "parquet/metadata.h"
#include "parquet/thrift_fields.h"

namespace uw::parquet {
namespace {

using namespace detail;

DataPageHeader ReadDataPageHeader(CompactReader& r) {
  DataPageHeader d;
  Required req("DataPageHeader");
  ForEachField(r, [&](int16_t id, Type t) {
    bool ok = false;
    switch (id) {
      case 1:
        ok = ReadI32(r, t, d.num_values);
        break;
      case 2:
        ok = ReadEnum(r, t, d.encoding);
        break;
      case 3:
        ok = ReadEnum(r, t, d.definition_level_encoding);
        break;
      case 4:
        ok = ReadEnum(r, t, d.repetition_level_encoding);
        break;
      case 5:
        ok = t == Type::kStruct && (d.statistics = ReadStatistics(r), true);
        break;
      default:
        break;
    }
    if (ok) req.Saw(id);
    return ok;
  });
  req.Check(1, "num_values");
  req.Check(2, "encoding");
  return d;
}

DictionaryPageHeader ReadDictionaryPageHeader(CompactReader& r) {
  DictionaryPageHeader d;
  Required req("DictionaryPageHeader");
  ForEachField(r, [&](int16_t id, Type t) {
    bool ok = false;
    switch (id) {
      case 1:
        ok = ReadI32(r, t, d.num_values);
        break;
      case 2:
        ok = ReadEnum(r, t, d.encoding);
        break;
      case 3:
        ok = ReadOptBool(r, t, d.is_sorted);
        break;
      default:
        break;
    }
    if (ok) req.Saw(id);
    return ok;
  });
  req.Check(1, "num_values");
  req.Check(2, "encoding");
  return d;
}

DataPageHeaderV2 ReadDataPageHeaderV2(CompactReader& r) {
  DataPageHeaderV2 d;
  Required req("DataPageHeaderV2");
  ForEachField(r, [&](int16_t id, Type t) {
    bool ok = false;
    switch (id) {
      case 1:
        ok = ReadI32(r, t, d.num_values);
        break;
      case 2:
        ok = ReadI32(r, t, d.num_nulls);
        break;
      case 3:
        ok = ReadI32(r, t, d.num_rows);
        break;
      case 4:
        ok = ReadEnum(r, t, d.encoding);
        break;
      case 5:
        ok = ReadI32(r, t, d.definition_levels_byte_length);
        break;
      case 6:
        ok = ReadI32(r, t, d.repetition_levels_byte_length);
        break;
      case 7:
        ok = IsBool(t) && (d.is_compressed = r.ReadBool(t), true);
        break;
      case 8:
        ok = t == Type::kStruct && (d.statistics = ReadStatistics(r), true);
        break;
      default:
        break;
    }
    if (ok) req.Saw(id);
    return ok;
  });
  req.Check(1, "num_values");
  req.Check(4, "encoding");
  req.Check(5, "definition_levels_byte_length");
  req.Check(6, "repetition_levels_byte_length");
  return d;
}

}  // namespace

PageHeader ReadPageHeader(std::string_view bytes, size_t& header_size) {
  CompactReader r(bytes);
  PageHeader h;
  Required req("PageHeader");
  ForEachField(r, [&](int16_t id, Type t) {
    bool ok = false;
    switch (id) {
      case 1:
        ok = ReadEnum(r, t, h.type);
        break;
      case 2:
        ok = ReadI32(r, t, h.uncompressed_page_size);
        break;
      case 3:
        ok = ReadI32(r, t, h.compressed_page_size);
        break;
      case 4:
        ok = ReadI32(r, t, h.crc);
        break;
      case 5:
        ok = t == Type::kStruct && (h.data_page_header = ReadDataPageHeader(r), true);
        break;
      case 7:
        ok = t == Type::kStruct && (h.dictionary_page_header = ReadDictionaryPageHeader(r), true);
        break;
      case 8:
        ok = t == Type::kStruct && (h.data_page_header_v2 = ReadDataPageHeaderV2(r), true);
        break;
      default:
        break;
    }
    if (ok) req.Saw(id);
    return ok;
  });
  req.Check(1, "type");
  req.Check(2, "uncompressed_page_size");
  req.Check(3, "compressed_page_size");
  header_size = r.position();
  return h;
}

}  // namespace uw::parquet
