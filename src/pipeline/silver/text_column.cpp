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
  // The pool keeps equal strings as one entry and never gives "" an entry of its own (it is
  // id 0), so the writer can take each new code as a new dictionary value without hashing it.
  bool UniqueStrings() const override { return true; }
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
