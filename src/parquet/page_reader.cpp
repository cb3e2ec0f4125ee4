#include "parquet/page_reader.h"

#include <cstring>

#include "core/error.h"
#include "parquet/compression.h"

namespace uw::parquet {

PageReader::PageReader(std::string_view chunk, Codec codec, bool has_def_levels,
                       int64_t max_page_bytes)
    : chunk_(chunk),
      codec_(codec),
      has_def_levels_(has_def_levels),
      max_page_bytes_(max_page_bytes) {}

std::string_view PageReader::Decompress(std::string_view body, int64_t uncompressed_size) {
  if (uncompressed_size < 0 || uncompressed_size > max_page_bytes_) {
    Fail(ErrorCode::kCorrupt, "page {}: uncompressed size {} is outside 0..{}", page_index_,
         uncompressed_size, max_page_bytes_);
  }
  if (codec_ == Codec::kUncompressed) {
    if (static_cast<int64_t>(body.size()) != uncompressed_size) {
      Fail(ErrorCode::kCorrupt, "page {}: {} bytes stored but uncompressed_page_size says {}",
           page_index_, body.size(), uncompressed_size);
    }
    return body;
  }
  parquet::Decompress(codec_, body, static_cast<size_t>(uncompressed_size), buffer_);
  return buffer_;
}

bool PageReader::Next(Page& page) {
  while (pos_ < chunk_.size()) {
    ++page_index_;
    size_t header_size = 0;
    PageHeader header;
    try {
      header = ReadPageHeader(chunk_.substr(pos_), header_size);
    } catch (const Error& e) {
      Fail(ErrorCode::kCorrupt, "page {} header at chunk byte {}: {}", page_index_, pos_, e.what());
    }
    pos_ += header_size;
    const int32_t stored = header.compressed_page_size;
    if (stored < 0 || static_cast<size_t>(stored) > chunk_.size() - pos_) {
      Fail(ErrorCode::kCorrupt,
           "page {}: compressed_page_size {} overruns the column chunk ({} bytes left)",
           page_index_, stored, chunk_.size() - pos_);
    }
    const std::string_view body = chunk_.substr(pos_, static_cast<size_t>(stored));
    pos_ += static_cast<size_t>(stored);
    page.type = header.type;
    if (header.type == PageType::kDictionaryPage) {
      if (!header.dictionary_page_header)
        Fail(ErrorCode::kCorrupt, "page {}: dictionary page without its header", page_index_);
      page.num_values = header.dictionary_page_header->num_values;
      page.encoding = header.dictionary_page_header->encoding;
      page.def_levels = {};
      page.values = Decompress(body, header.uncompressed_page_size);
      return true;
    }
    if (header.type == PageType::kDataPage) {
      ReadV1(header, body, page);
      return true;
    }
    if (header.type == PageType::kDataPageV2) {
      ReadV2(header, body, page);
      return true;
    }
    // INDEX_PAGE and future page types: skip by their stored size.
  }
  return false;
}

void PageReader::ReadV1(const PageHeader& header, std::string_view body, Page& page) {
  if (!header.data_page_header)
    Fail(ErrorCode::kCorrupt, "page {}: data page without its header", page_index_);
  const DataPageHeader& h = *header.data_page_header;
  page.num_values = h.num_values;
  page.encoding = h.encoding;
  std::string_view data = Decompress(body, header.uncompressed_page_size);
  page.def_levels = {};
  if (has_def_levels_) {
    // Data page v1 levels carry a u32 length (Encodings.md; tech.md §1.6).
    uint32_t length = 0;
    if (data.size() < 4)
      Fail(ErrorCode::kCorrupt, "page {}: too short for its definition levels", page_index_);
    std::memcpy(&length, data.data(), 4);
    if (length > data.size() - 4) {
      Fail(ErrorCode::kCorrupt, "page {}: definition levels of {} bytes overrun the page",
           page_index_, length);
    }
    page.def_levels = data.substr(4, length);
    data.remove_prefix(4 + length);
  }
  page.values = data;
}

void PageReader::ReadV2(const PageHeader& header, std::string_view body, Page& page) {
  if (!header.data_page_header_v2)
    Fail(ErrorCode::kCorrupt, "page {}: v2 data page without its header", page_index_);
  const DataPageHeaderV2& h = *header.data_page_header_v2;
  page.num_values = h.num_values;
  page.encoding = h.encoding;
  if (h.repetition_levels_byte_length != 0) {
    Fail(ErrorCode::kCorrupt, "page {}: repetition levels in a flat column", page_index_);
  }
  const int32_t levels = h.definition_levels_byte_length;
  if (levels < 0 || static_cast<size_t>(levels) > body.size()) {
    Fail(ErrorCode::kCorrupt, "page {}: definition levels of {} bytes overrun the page",
         page_index_, levels);
  }
  // Levels are never compressed in v2; only the values section is (when is_compressed).
  page.def_levels =
      has_def_levels_ ? body.substr(0, static_cast<size_t>(levels)) : std::string_view();
  const std::string_view values = body.substr(static_cast<size_t>(levels));
  const int64_t values_size = static_cast<int64_t>(header.uncompressed_page_size) - levels;
  if (h.is_compressed && codec_ != Codec::kUncompressed) {
    page.values = Decompress(values, values_size);
  } else {
    if (static_cast<int64_t>(values.size()) != values_size) {
      Fail(ErrorCode::kCorrupt, "page {}: {} value bytes stored, header says {}", page_index_,
           values.size(), values_size);
    }
    page.values = values;
  }
}

}  // namespace uw::parquet
