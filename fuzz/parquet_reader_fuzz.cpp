// libFuzzer target for the Parquet reader: footer parsing, schema resolution, every row group of
// every column, statistics decoding and the inspect JSON. Any uw::Error is an accepted outcome;
// a crash, sanitizer report, leak or allocation beyond libFuzzer's limit is a bug.
// Seed it with real files, e.g. the ones the interop test writes:
//   parquet_reader_fuzz -max_len=65536 -rss_limit_mb=1024 CORPUS_DIR SEED_DIR
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/error.h"
#include "parquet/file_reader.h"
#include "parquet/metadata_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace uw::parquet;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // Limits well inside libFuzzer's default 2 GB malloc limit: a hostile count must hit them.
  ReaderOptions limits;
  limits.max_row_group_rows = 1 << 20;
  limits.max_page_bytes = 1 << 24;
  try {
    const FileReader reader = FileReader::Open(MakeBorrowedSource(bytes, "fuzz.parquet"), limits);
    FooterJson({reader.name(), size, 0}, reader.metadata());
    for (size_t g = 0; g < reader.num_row_groups(); ++g) {
      for (size_t c = 0; c < reader.schema().size(); ++c) {
        reader.RowGroupMayMatch(g, {reader.schema().field(c).name, std::nullopt, std::nullopt});
      }
      const Batch batch = reader.ReadRowGroup(g);
      // A readable column must yield exactly the row group's rows.
      if (batch.num_columns() > 0 &&
          batch.num_rows() != static_cast<size_t>(reader.metadata().row_groups[g].num_rows)) {
        __builtin_trap();
      }
    }
  } catch (const uw::Error&) {
    // Rejected cleanly: the expected outcome for most inputs.
  }
  return 0;
}
