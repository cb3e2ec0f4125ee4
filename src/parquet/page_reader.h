// Walks the pages of one column chunk (untrusted bytes): parses each page header, checks its
// sizes against the chunk and the limits, decompresses, and splits the body into definition
// levels and values for data page v1 (levels inside the compressed body, u32 length prefix) and
// v2 (levels stored uncompressed before the values, lengths in the header). Index pages and
// unknown page types are skipped. Errors are Error(kCorrupt) naming the page.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "parquet/metadata.h"

namespace uw::parquet {

struct Page {
  PageType type = PageType::kDataPage;
  int32_t num_values = 0;  // rows (data pages) or entries (dictionary page)
  Encoding encoding = Encoding::kPlain;
  std::string_view def_levels;  // RLE/bit-packed hybrid without length prefix; empty if none
  std::string_view values;      // valid until the next call to Next()
};

class PageReader {
 public:
  PageReader(std::string_view chunk, Codec codec, bool has_def_levels, int64_t max_page_bytes);

  // Fills `page` with the next dictionary or data page; false when the chunk has no more bytes.
  bool Next(Page& page);
  // Index of the page last returned (0-based, counting skipped pages), for messages.
  int page_index() const { return page_index_; }

 private:
  void ReadV1(const PageHeader& header, std::string_view body, Page& page);
  void ReadV2(const PageHeader& header, std::string_view body, Page& page);
  std::string_view Decompress(std::string_view body, int64_t uncompressed_size);

  std::string_view chunk_;
  Codec codec_;
  bool has_def_levels_;
  int64_t max_page_bytes_;
  size_t pos_ = 0;
  int page_index_ = -1;
  std::string buffer_;
};

}  // namespace uw::parquet
