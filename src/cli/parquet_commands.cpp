// `unwrapped inspect FILE`: the footer of a Parquet file as JSON.
// `unwrapped cat FILE [--columns a,b] [--format csv|jsonl] [--limit N]`: its rows, streamed one
// row group at a time.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <memory>

#include "cli/app.h"
#include "core/error.h"
#include "core/text.h"
#include "parquet/file_reader.h"
#include "parquet/metadata_json.h"
#include "parquet/value_format.h"

namespace uw::cli {
namespace {

struct ParquetOptions {
  std::string file;
  std::vector<std::string> columns;
  std::string format = "csv";
  std::optional<size_t> limit;
};

void Write(const std::string& text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size())
    Fail(ErrorCode::kIo, "cannot write to stdout");
}

int Inspect(const ParquetOptions& o) {
  const auto source = parquet::MakeFileSource(o.file);
  uint32_t footer_bytes = 0;
  const parquet::FileMetaData metadata = parquet::ReadFooter(*source, &footer_bytes);
  Write(parquet::FooterJson({o.file, source->size(), footer_bytes}, metadata));
  return kExitOk;
}

std::string CsvHeader(const parquet::Schema& schema) {
  std::string line;
  for (size_t c = 0; c < schema.size(); ++c) {
    parquet::ColumnVector name(parquet::ColumnType::kString);
    name.AppendString(schema.field(c).name);
    if (c) line += ',';
    parquet::AppendCsvCell(name, 0, line);
  }
  return line + "\n";
}

std::string Rows(const parquet::Batch& batch, size_t count, bool jsonl) {
  std::string out;
  for (size_t r = 0; r < count; ++r) {
    if (jsonl) out += '{';
    for (size_t c = 0; c < batch.num_columns(); ++c) {
      if (c) out += ',';
      if (jsonl) {
        core::AppendJsonString(out, batch.schema().field(c).name);
        out += ':';
        parquet::AppendJsonCell(batch.column(c), r, out);
      } else {
        parquet::AppendCsvCell(batch.column(c), r, out);
      }
    }
    out += jsonl ? "}\n" : "\n";
  }
  return out;
}

int Cat(const ParquetOptions& o) {
  const parquet::FileReader reader = parquet::FileReader::Open(parquet::MakeFileSource(o.file));
  if (o.columns.empty()) {
    for (const auto& leaf : reader.leaves()) {
      if (!leaf.type)
        spdlog::warn("{}: skipping column \"{}\" ({} is not supported)", o.file, leaf.name,
                     leaf.unsupported);
    }
  }
  const std::vector<size_t> columns = reader.ColumnIndices(o.columns);
  const bool jsonl = o.format == "jsonl";
  size_t left = o.limit.value_or(SIZE_MAX);
  bool header = !jsonl;
  for (size_t g = 0; g < reader.num_row_groups() && left > 0; ++g) {
    const parquet::Batch batch = reader.ReadRowGroup(g, columns);
    if (header) {
      Write(CsvHeader(batch.schema()));
      header = false;
    }
    const size_t count = std::min(left, batch.num_rows());
    Write(Rows(batch, count, jsonl));
    left -= count;
  }
  if (header) {  // no row groups: still print the column names
    std::vector<parquet::Field> fields;
    for (size_t c : columns.empty() ? std::vector<size_t>() : columns)
      fields.push_back(reader.schema().field(c));
    Write(CsvHeader(columns.empty() ? reader.schema() : parquet::Schema(fields)));
  }
  return kExitOk;
}

}  // namespace

void AddParquetCommands(CLI::App& app, Registry& registry) {
  auto options = std::make_shared<ParquetOptions>();
  auto* inspect = app.add_subcommand("inspect", "Print the footer of a Parquet file as JSON");
  inspect->add_option("file", options->file, "Parquet file")->required();
  registry.On(inspect, [options](Context&) { return Inspect(*options); });

  auto* cat = app.add_subcommand("cat", "Print the rows of a Parquet file as CSV or JSON lines");
  cat->add_option("file", options->file, "Parquet file")->required();
  cat->add_option("--columns", options->columns,
                  "Only these columns, in this order (comma-separated)")
      ->delimiter(',');
  cat->add_option("--format", options->format, "csv (default) or jsonl")
      ->check(CLI::IsMember({"csv", "jsonl"}));
  cat->add_option("--limit", options->limit, "At most N rows")->check(CLI::NonNegativeNumber);
  registry.On(cat, [options](Context&) { return Cat(*options); });
}

}  // namespace uw::cli
