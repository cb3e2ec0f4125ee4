// Writes and reads N rows of a listening_events-like table (26 columns: ids, names with
// realistic repetition, timestamps, flags, nullable columns) with our Parquet library and prints
// one JSON line: write and read seconds, file size. With --csv it also writes the same rows as
// CSV, so bench/parquet_vs_duckdb.sh can have DuckDB write the identical data.
//   parquet_bench [--rows N] [--codec snappy|zstd|gzip|none] [--level L] [--out F] [--csv F]
//                 [--read no] [--threads N]
#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "parquet/file_reader.h"
#include "parquet/file_writer.h"
#include "parquet/value_format.h"

namespace {

using namespace uw::parquet;

struct Args {
  size_t rows = 1'000'000;
  Codec codec = Codec::kSnappy;
  int level = 3;
  std::string out = "parquet_bench.parquet";
  std::string csv;
  bool read = true;
  size_t threads = 0;
};

Args Parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--rows")
      a.rows = std::stoull(value);
    else if (flag == "--level")
      a.level = std::stoi(value);
    else if (flag == "--out")
      a.out = value;
    else if (flag == "--csv")
      a.csv = value;
    else if (flag == "--read")
      a.read = value != "no";
    else if (flag == "--threads")
      a.threads = std::stoull(value);
    else if (flag == "--codec") {
      a.codec = value == "zstd"   ? Codec::kZstd
                : value == "gzip" ? Codec::kGzip
                : value == "none" ? Codec::kUncompressed
                                  : Codec::kSnappy;
    }
  }
  return a;
}

Schema EventsSchema() {
  using T = ColumnType;
  return Schema({{"event_id", T::kString, false},
                 {"ended_at", T::kTimestamp, false},
                 {"started_at", T::kTimestamp, false},
                 {"ms_played", T::kInt64, false},
                 {"ms_played_estimated", T::kBoolean, false},
                 {"track_id", T::kString, true},
                 {"track_name", T::kString, true},
                 {"artist_id", T::kString, true},
                 {"artist_name", T::kString, true},
                 {"album_id", T::kString, true},
                 {"album_name", T::kString, true},
                 {"context_type", T::kString, true},
                 {"context_uri", T::kString, true},
                 {"platform", T::kString, false},
                 {"platform_raw", T::kString, true},
                 {"conn_country", T::kString, true},
                 {"reason_start", T::kString, true},
                 {"reason_end", T::kString, true},
                 {"shuffle", T::kBoolean, true},
                 {"skipped", T::kBoolean, true},
                 {"is_skip", T::kBoolean, false},
                 {"offline", T::kBoolean, true},
                 {"offline_at", T::kTimestamp, true},
                 {"incognito_mode", T::kBoolean, true},
                 {"source", T::kString, false},
                 {"bronze_file", T::kString, false}});
}

std::string Base62(std::mt19937_64& rng, int length) {
  static constexpr char kAlphabet[] =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  std::string s;
  for (int i = 0; i < length; ++i) s += kAlphabet[rng() % 62];
  return s;
}

struct Catalog {
  std::vector<std::string> track_ids, track_names, album_ids, album_names, artist_ids, artist_names;
  std::vector<size_t> track_album, album_artist;
};

Catalog MakeCatalog(std::mt19937_64& rng) {
  static const char* kWords[] = {"Love",  "Night",  "Blue",  "Dream",  "Fire",   "Heart",
                                 "Rain",  "Gold",   "Wild",  "Echo",   "Shadow", "Light",
                                 "Ocean", "Summer", "Stone", "Silver", "Road",   "Sky"};
  const auto name = [&](int words) {
    std::string s;
    for (int i = 0; i < words; ++i)
      s += (i ? " " : "") + std::string(kWords[rng() % std::size(kWords)]);
    return s;
  };
  Catalog c;
  for (int i = 0; i < 3000; ++i) {
    c.artist_ids.push_back(Base62(rng, 22));
    c.artist_names.push_back(name(2) + (i % 7 == 0 ? " & Sigur Rós" : ""));
  }
  for (int i = 0; i < 8000; ++i) {
    c.album_ids.push_back(Base62(rng, 22));
    c.album_names.push_back(name(3));
    c.album_artist.push_back(rng() % c.artist_ids.size());
  }
  for (int i = 0; i < 25000; ++i) {
    c.track_ids.push_back(Base62(rng, 22));
    c.track_names.push_back(name(1 + static_cast<int>(rng() % 4)) +
                            (i % 11 == 0 ? " (Remastered 2011)" : ""));
    c.track_album.push_back(rng() % c.album_ids.size());
  }
  return c;
}

Batch MakeRows(size_t rows) {
  std::mt19937_64 rng(7);
  const Catalog cat = MakeCatalog(rng);
  static const char* kPlatforms[] = {"android", "ios", "desktop", "web", "cast"};
  static const char* kReasonsStart[] = {"trackdone", "clickrow", "fwdbtn",
                                        "backbtn",   "playbtn",  "appload"};
  static const char* kReasonsEnd[] = {"trackdone", "fwdbtn", "endplay",
                                      "backbtn",   "logout", "unexpected-exit"};
  static const char* kCountries[] = {"DE", "US", "GB", "FR", "NL", "SE", "ES", "IT", "JP", "BR"};
  static const char* kContexts[] = {"playlist", "album", "artist", "collection", "search"};
  static const char* kSources[] = {"extended", "api", "account"};
  Batch b(EventsSchema());
  b.Reserve(rows);
  std::uniform_real_distribution<double> u(0, 1);
  int64_t t = 1'420'070'400'000'000;  // 2015-01-01
  for (size_t i = 0; i < rows; ++i) {
    const size_t track =
        static_cast<size_t>(std::pow(u(rng), 3) * static_cast<double>(cat.track_ids.size()));
    const size_t album = cat.track_album[track], artist = cat.album_artist[album];
    const int64_t ms = static_cast<int64_t>(rng() % 300'000);
    t += static_cast<int64_t>(rng() % 600'000'000);
    const bool local_file = rng() % 200 == 0;
    int c = 0;
    b.column(c++).AppendString(fmt::format("{:016x}{:016x}", rng(), rng()));
    b.column(c++).AppendInt64(t);
    b.column(c++).AppendInt64(t - ms * 1000);
    b.column(c++).AppendInt64(ms);
    b.column(c++).AppendBool(rng() % 20 == 0);
    for (const auto* v :
         {&cat.track_ids[track], &cat.track_names[track], &cat.artist_ids[artist],
          &cat.artist_names[artist], &cat.album_ids[album], &cat.album_names[album]}) {
      if (local_file && (v == &cat.track_ids[track] || v == &cat.artist_ids[artist] ||
                         v == &cat.album_ids[album])) {
        b.column(c++).AppendNull();
      } else {
        b.column(c++).AppendString(*v);
      }
    }
    const bool has_context = rng() % 3 != 0;
    if (has_context) {
      const char* type = kContexts[rng() % std::size(kContexts)];
      b.column(c++).AppendString(type);
      b.column(c++).AppendString(fmt::format("spotify:{}:{}", type, cat.album_ids[rng() % 400]));
    } else {
      b.column(c++).AppendNull();
      b.column(c++).AppendNull();
    }
    const char* platform = kPlatforms[rng() % std::size(kPlatforms)];
    b.column(c++).AppendString(platform);
    b.column(c++).AppendString(
        fmt::format("{} OS {}.{} (Spotify {})", platform, rng() % 14, rng() % 4, rng() % 9));
    b.column(c++).AppendString(kCountries[std::min<size_t>(rng() % 14, std::size(kCountries) - 1)]);
    b.column(c++).AppendString(kReasonsStart[rng() % std::size(kReasonsStart)]);
    b.column(c++).AppendString(kReasonsEnd[rng() % std::size(kReasonsEnd)]);
    const bool skipped = ms < 30'000;
    for (int k = 0; k < 2; ++k) {
      if (rng() % 10 == 0)
        b.column(c++).AppendNull();
      else
        b.column(c++).AppendBool(k == 0 ? rng() % 2 == 0 : skipped);
    }
    b.column(c++).AppendBool(skipped);
    const bool offline = rng() % 25 == 0;
    b.column(c++).AppendBool(offline);
    if (offline)
      b.column(c++).AppendInt64(t - static_cast<int64_t>(rng() % 86'400'000'000));
    else
      b.column(c++).AppendNull();
    b.column(c++).AppendBool(rng() % 50 == 0);
    b.column(c++).AppendString(kSources[rng() % std::size(kSources)]);
    b.column(c++).AppendString(
        fmt::format("bronze/spotify_export/extended/{:08x}__Streaming_History_Audio_{}.json",
                    (i / 20000) * 2654435761u, 2015 + i / 100000));
  }
  return b;
}

void WriteCsv(const Batch& b, const std::string& path) {
  std::string out;
  for (size_t c = 0; c < b.num_columns(); ++c) out += (c ? "," : "") + b.schema().field(c).name;
  out += '\n';
  std::ofstream file(path, std::ios::binary);
  for (size_t r = 0; r < b.num_rows(); ++r) {
    for (size_t c = 0; c < b.num_columns(); ++c) {
      if (c) out += ',';
      AppendCsvCell(b.column(c), r, out);
    }
    out += '\n';
    if (out.size() > (1 << 20)) {
      file << out;
      out.clear();
    }
  }
  file << out;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
  const Args args = Parse(argc, argv);
  const Batch rows = MakeRows(args.rows);
  if (!args.csv.empty()) WriteCsv(rows, args.csv);

  // Batches of 100k rows, as a pipeline would append them (built before the clock starts).
  std::vector<Batch> batches;
  for (size_t begin = 0; begin < rows.num_rows(); begin += 100'000) {
    Batch& slice = batches.emplace_back(rows.schema());
    const size_t end = std::min(rows.num_rows(), begin + 100'000);
    for (size_t c = 0; c < rows.num_columns(); ++c)
      slice.column(c).AppendRange(rows.column(c), begin, end);
  }
  WriterOptions options;
  options.codec = args.codec;
  options.compression_level = args.level;
  options.threads = args.threads;
  auto start = std::chrono::steady_clock::now();
  std::string bytes;
  FileWriter writer = FileWriter::ToString(&bytes, rows.schema(), options);
  for (const Batch& batch : batches) writer.Write(batch);
  writer.Close();
  std::ofstream(args.out, std::ios::binary)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  const double write_seconds = Seconds(start);

  if (!args.read) {
    fmt::print("{{\"rows\": {}, \"write_seconds\": {:.3f}, \"file_bytes\": {}}}\n", rows.num_rows(),
               write_seconds, bytes.size());
    return 0;
  }
  start = std::chrono::steady_clock::now();
  ReaderOptions read_options;
  read_options.threads = args.threads;
  const FileReader reader = FileReader::Open(MakeFileSource(args.out), read_options);
  const Batch back = reader.Read();
  const double read_seconds = Seconds(start);
  if (back.num_rows() != rows.num_rows()) {
    fmt::print(stderr, "read back {} rows, wrote {}\n", back.num_rows(), rows.num_rows());
    return 1;
  }
  fmt::print(
      "{{\"rows\": {}, \"columns\": {}, \"codec\": \"{}\", \"write_seconds\": {:.3f}, "
      "\"read_seconds\": {:.3f}, "
      "\"file_bytes\": {}, \"row_groups\": {}}}\n",
      rows.num_rows(), rows.num_columns(), CodecName(args.codec), write_seconds, read_seconds,
      bytes.size(), reader.num_row_groups());
  return 0;
}
