// Interned text (interned_text.h) into Parquet string columns as codes of the text pool rather
// than copies of the bytes (parquet/string_dictionary.h): a row costs 4 bytes, and the writer
// encodes, checks and takes the statistics of each distinct value once per file instead of
// hashing and comparing a million copies of the same few thousand names.
#pragma once

#include "parquet/column_vector.h"
#include "parquet/string_dictionary.h"
#include "pipeline/silver/interned_text.h"

namespace uw::silver {

// The process-wide text pool as a dictionary: the code of a Text is Text::key().
const parquet::StringDictionary& TextDictionary();

// Appends `value`; "" becomes null (as tables::AppendText does for plain strings).
void AppendText(parquet::ColumnVector& column, Text value);
// Appends `value`, "" included (for non-nullable columns).
void AppendTextValue(parquet::ColumnVector& column, Text value);

}  // namespace uw::silver
