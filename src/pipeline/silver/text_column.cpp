#include "pipeline/silver/text_column.h"

namespace uw::silver {
namespace {

class TextPoolDictionary final : public parquet::StringDictionary {
 public:
  std::string_view Get(uint32_t code) const override {
    if (code == 0) return "";
    const text_detail::Entry& entry = text_detail::EntryOf(code);
    return {entry.bytes, entry.size};
  }
};

}  // namespace

const parquet::StringDictionary& TextDictionary() {
  static const TextPoolDictionary dictionary;
  return dictionary;
}

void AppendText(parquet::ColumnVector& column, Text value) {
  if (value.empty()) return column.AppendNull();
  column.AppendCode(TextDictionary(), value.key());
}

void AppendTextValue(parquet::ColumnVector& column, Text value) {
  column.AppendCode(TextDictionary(), value.key());
}

}  // namespace uw::silver
