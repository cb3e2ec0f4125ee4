// Compact-protocol parsing of page headers (untrusted bytes, one per page).
#include "core/error.h"
#include "parquet/metadata.h"
#include "parquet/thrift_fields.h"

namespace uw::parquet {

using namespace detail;

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
        if (t != Type::kStruct) break;
        ok = true;
        h.data_page_header.emplace();
        ForEachField(r, [&, &d = *h.data_page_header](int16_t fid, Type ft) {
          switch (fid) {
            case 1:
              return ReadI32(r, ft, d.num_values);
            case 2:
              return ReadEnum(r, ft, d.encoding);
            case 3:
              return ReadEnum(r, ft, d.definition_level_encoding);
            case 4:
              return ReadEnum(r, ft, d.repetition_level_encoding);
            case 5:
              return ft == Type::kStruct && (d.statistics = ReadStatistics(r), true);
            default:
              return false;
          }
        });
        break;
      case 7:
        if (t != Type::kStruct) break;
        ok = true;
        h.dictionary_page_header.emplace();
        ForEachField(r, [&, &d = *h.dictionary_page_header](int16_t fid, Type ft) {
          switch (fid) {
            case 1:
              return ReadI32(r, ft, d.num_values);
            case 2:
              return ReadEnum(r, ft, d.encoding);
            case 3:
              return ReadOptBool(r, ft, d.is_sorted);
            default:
              return false;
          }
        });
        break;
      case 8:
        if (t != Type::kStruct) break;
        ok = true;
        h.data_page_header_v2.emplace();
        ForEachField(r, [&, &d = *h.data_page_header_v2](int16_t fid, Type ft) {
          switch (fid) {
            case 1:
              return ReadI32(r, ft, d.num_values);
            case 2:
              return ReadI32(r, ft, d.num_nulls);
            case 3:
              return ReadI32(r, ft, d.num_rows);
            case 4:
              return ReadEnum(r, ft, d.encoding);
            case 5:
              return ReadI32(r, ft, d.definition_levels_byte_length);
            case 6:
              return ReadI32(r, ft, d.repetition_levels_byte_length);
            case 7:
              return IsBool(ft) && (d.is_compressed = r.ReadBool(ft), true);
            case 8:
              return ft == Type::kStruct && (d.statistics = ReadStatistics(r), true);
            default:
              return false;
          }
        });
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
