// A published dimension row read back into its catalog entry (catalog.h): the columns are looked
// up by name once, then each row costs only its values. LoadCatalog (catalog_io.cpp) fills a
// whole catalog this way; an incremental build (published_music.h) fills only the entries its
// new plays touch.
#pragma once

#include <string>
#include <vector>

#include "parquet/batch.h"
#include "pipeline/silver/catalog.h"

namespace uw::silver {

// The columns of `rows` named `names`, in that order.
class RowColumns {
 public:
  RowColumns(const parquet::Batch& rows, const std::vector<std::string>& names);
  const parquet::ColumnVector& operator[](size_t i) const { return *columns_[i]; }
  // The value at `row` of column `i`, "" when null.
  std::string Str(size_t i, size_t row) const;

 private:
  std::vector<const parquet::ColumnVector*> columns_;
};

// Each reader names the columns it needs (`kColumns`, the projection LoadCatalog reads) and
// fills an entry from one row of a batch holding at least those columns.
struct TrackRows {
  static const std::vector<std::string> kColumns;
  explicit TrackRows(const parquet::Batch& rows) : columns(rows, kColumns) {}
  void Fill(size_t row, TrackEntry& entry) const;
  RowColumns columns;
};
struct ArtistRows {
  static const std::vector<std::string> kColumns;
  explicit ArtistRows(const parquet::Batch& rows) : columns(rows, kColumns) {}
  void Fill(size_t row, ArtistEntry& entry) const;
  RowColumns columns;
};
struct AlbumRows {
  static const std::vector<std::string> kColumns;
  explicit AlbumRows(const parquet::Batch& rows) : columns(rows, kColumns) {}
  void Fill(size_t row, AlbumEntry& entry) const;
  RowColumns columns;
};

}  // namespace uw::silver
