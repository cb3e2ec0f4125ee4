// Labels (zones, parts of day, genres, moods, …) written into a fact table's string columns as
// codes of one shared StringTable (parquet/string_table.h) instead of a copy of the bytes per row:
// the writer then encodes, checks and takes the statistics of each distinct label once per file
// instead of hashing every value. Thread safe once built.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "parquet/column_vector.h"
#include "parquet/string_table.h"

namespace uw::gold {

class LabelCodes {
 public:
  explicit LabelCodes(const std::vector<std::string>& labels);
  // Appends labels[index] for each index; -1, or an empty label, is a null (as
  // tables::AppendText has it).
  void Append(parquet::ColumnVector& to, std::span<const int32_t> indices) const;
  // The same where no index is -1 and an empty label is the empty string (NOT NULL columns).
  void AppendValues(parquet::ColumnVector& to, std::span<const int32_t> indices) const;

 private:
  std::shared_ptr<parquet::StringTable> table_;  // label i is code i + 1
  std::vector<uint8_t> present_;                 // per label: not empty
};

}  // namespace uw::gold
