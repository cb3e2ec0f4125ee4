// How bronze records become plays (bronze_reader.cpp reads the files): validated records are
// turned into BronzeRows, whose strings are interned a whole file at a time, and rows become
// PlayRecords once every file is read. A row is smaller than a PlayRecord, which matters
// because every file's plays wait in memory until all files are read and merged by time.
// Not thread safe; one RowMaker per thread.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <limits>
#include <vector>

#include "pipeline/silver/bronze_reader.h"
#include "core/page_allocator.h"
#include "pipeline/silver/play_record.h"

namespace uw::silver {

// An extended-history or account-data play, compactly.
struct BronzeRow {
  static constexpr int64_t kNoOffline = std::numeric_limits<int64_t>::min();

  int64_t ended_at_ms = 0;
  int64_t ms_played = 0;
  int64_t offline_at_ms = kNoOffline;
  uint32_t record_index = 0;
  Text bronze_file;
  Text texts[15];  // the source's string fields in RowMaker's order
  Source source = Source::kExtended;
  Content content = Content::kMusic;
  Tri shuffle = Tri::kUnknown, skipped = Tri::kUnknown, offline = Tri::kUnknown;
  bool incognito = false;
};

// A file's rows, in memory returned to the system as soon as they are merged into plays.
using BronzeRows = std::vector<BronzeRow, core::PageAllocator<BronzeRow>>;

// Which of a row's string fields went to the interner (bit k: texts[k]); the others are "" or,
// when their bit is set in `same`, equal to the previous row's (bronze_rows.cpp, ReadRows).
struct RowTexts {
  uint16_t submitted = 0, same = 0;
};

class RowMaker {
 public:
  // Appends the identified records of an extended-history or account-data file to `rows` and
  // counts every record (files, unreadable_files are the caller's).
  void ExtendedFile(Text key, simdjson::dom::array records, bool video_file,
                    BronzeRows& rows, SourceCounts& counts);
  void AccountFile(Text key, simdjson::dom::array records, BronzeRows& rows,
                   SourceCounts& counts);
  // Appends the identified items of a recently-played response (few: straight to plays).
  void ApiItems(Text key, simdjson::dom::array items, std::vector<PlayRecord>& plays,
                SourceCounts& counts);

  Text Intern(std::string_view s) { return interner_.Intern(s); }

 private:
  TextInterner interner_;
  std::vector<RowTexts> row_texts_;  // one file's, reused
};

// The play a row describes.
PlayRecord ToPlay(const BronzeRow& row);

}  // namespace uw::silver
