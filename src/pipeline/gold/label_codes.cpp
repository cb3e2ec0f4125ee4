#include "pipeline/gold/label_codes.h"

namespace uw::gold {

LabelCodes::LabelCodes(const std::vector<std::string>& labels)
    : table_(std::make_shared<parquet::StringTable>()) {
  for (const std::string& label : labels) {
    table_->Add(label);
    present_.push_back(!label.empty());
  }
}

void LabelCodes::Append(parquet::ColumnVector& to, std::span<const int32_t> indices) const {
  std::vector<uint32_t> codes;
  std::vector<uint8_t> valid(indices.size());
  codes.reserve(indices.size());
  for (size_t i = 0; i < indices.size(); ++i) {
    valid[i] = indices[i] >= 0 && present_[size_t(indices[i])];
    if (valid[i]) codes.push_back(uint32_t(indices[i]) + 1);
  }
  to.AppendCodes(table_, codes.data(), valid.data(), indices.size());
}

void LabelCodes::AppendValues(parquet::ColumnVector& to, std::span<const int32_t> indices) const {
  std::vector<uint32_t> codes(indices.size());
  for (size_t i = 0; i < indices.size(); ++i) codes[i] = uint32_t(indices[i]) + 1;
  to.AppendCodes(table_, codes.data(), nullptr, indices.size());
}

}  // namespace uw::gold
