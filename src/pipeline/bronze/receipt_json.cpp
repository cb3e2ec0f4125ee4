// The receipt as JSON (stored at lake::Receipt(id), printed by `import --json`) and back.
#include <fmt/format.h>
#include <simdjson.h>

#include "core/civil_time.h"
#include "core/error.h"
#include "core/lake_paths.h"
#include "core/text.h"
#include "pipeline/bronze/receipt.h"

namespace uw::bronze {
namespace {

using spotify_export::ContentType;
using spotify_export::ContentTypeName;
using spotify_export::kContentTypeCount;

constexpr std::string_view kNaiveNote = "account times as written; zone undecided";

// Account times keep their minute form so nobody mistakes them for UTC.
std::string FormatTime(int64_t ms, bool naive) {
  if (naive) return core::FormatAccountMinute(core::FloorDiv(ms, 1000));
  return ms % 1000 == 0 ? core::FormatIsoSeconds(ms / 1000) : core::FormatIsoMillis(ms);
}

std::optional<int64_t> ParseTime(std::string_view s) {
  if (auto ms = core::ParseIsoUtcMillis(s)) return ms;
  if (auto seconds = core::ParseAccountEndTime(s)) return *seconds * 1000;
  return std::nullopt;
}

void AppendKey(std::string& out, std::string_view key) {
  core::AppendJsonString(out, key);
  out.push_back(':');
}

void AppendCounts(std::string& out, const ContentCounts& c) {
  out += '{';
  for (size_t i = 0; i < kContentTypeCount; ++i) {
    if (i) out += ',';
    AppendKey(out, ContentTypeName(static_cast<ContentType>(i)));
    out += std::to_string(c.counts[i]);
  }
  out += '}';
}

void AppendRange(std::string& out, const std::optional<int64_t>& first,
                 const std::optional<int64_t>& last, bool naive) {
  out += ",\"first_end\":";
  out += first ? core::JsonString(FormatTime(*first, naive)) : "null";
  out += ",\"last_end\":";
  out += last ? core::JsonString(FormatTime(*last, naive)) : "null";
  out += ",\"time_note\":";
  core::AppendJsonString(out, naive && first ? kNaiveNote : "");
}

void AppendFile(std::string& out, const FileEntry& f) {
  out += "{\"name\":" + core::JsonString(f.name);
  out += ",\"bronze_key\":" + core::JsonString(f.bronze_key);
  out += ",\"kind\":" + core::JsonString(f.kind);
  out += ",\"vintage\":" + core::JsonString(f.vintage);
  out += ",\"sha256\":" + core::JsonString(f.sha256);
  out += fmt::format(",\"size_bytes\":{},\"status\":\"{}\",\"records_total\":{}", f.size_bytes,
                     StatusName(f.status), f.records_total);
  out += ",\"by_content_type\":";
  AppendCounts(out, f.by_content_type);
  out += fmt::format(",\"rejected_records\":{},\"rejections\":[", f.rejected_records);
  for (size_t i = 0; i < f.rejections.size(); ++i) {
    if (i) out += ',';
    out += fmt::format("{{\"index\":{},\"reason\":{}}}", f.rejections[i].index,
                       core::JsonString(f.rejections[i].reason));
  }
  out += ']';
  AppendRange(out, f.first_end_ms, f.last_end_ms, f.naive_times);
  out += ",\"records_by_month\":{";
  bool first = true;
  for (const auto& [month, n] : f.records_by_month) {
    if (!first) out += ',';
    first = false;
    AppendKey(out, month);
    out += std::to_string(n);
  }
  out += fmt::format("}},\"entries\":{},\"message\":{}}}", f.entries, core::JsonString(f.message));
}

void AppendTotals(std::string& out, const ReceiptTotals& t) {
  out += fmt::format(
      "{{\"files\":{},\"landed\":{},\"already_present\":{},\"rejected\":{},\"ignored\":{},"
      "\"records_total\":{},\"by_content_type\":",
      t.files, t.landed, t.already_present, t.rejected, t.ignored, t.records_total);
  AppendCounts(out, t.by_content_type);
  out += fmt::format(",\"rejected_records\":{}", t.rejected_records);
  AppendRange(out, t.first_end_ms, t.last_end_ms, t.naive_times);
  out += '}';
}

}  // namespace

std::string ReceiptToJson(const Receipt& r) {
  std::string out = "{\"id\":" + core::JsonString(r.id);
  out += ",\"started_at\":" + core::JsonString(core::FormatIsoMillis(r.started_at_ms));
  out += ",\"finished_at\":" + core::JsonString(core::FormatIsoMillis(r.finished_at_ms));
  out += ",\"lake\":" + core::JsonString(r.lake) + ",\"inputs\":[";
  for (size_t i = 0; i < r.inputs.size(); ++i) {
    if (i) out += ',';
    core::AppendJsonString(out, r.inputs[i]);
  }
  out += "],\"files\":[";
  for (size_t i = 0; i < r.files.size(); ++i) {
    if (i) out += ",\n";
    AppendFile(out, r.files[i]);
  }
  out += "],\"totals\":";
  AppendTotals(out, r.totals);
  out += "}\n";
  return out;
}

namespace {

using simdjson::dom::element;
using simdjson::dom::object;

[[noreturn]] void Corrupt(std::string_view what) {
  Fail(ErrorCode::kCorrupt, "not a valid import receipt: {}", what);
}

std::string String(element e, std::string_view key) {
  std::string_view s;
  if (e[key].get(s)) Corrupt(fmt::format("\"{}\" is missing or not a string", key));
  return std::string(s);
}

uint64_t Number(element e, std::string_view key) {
  uint64_t n = 0;
  if (e[key].get(n)) Corrupt(fmt::format("\"{}\" is missing or not a count", key));
  return n;
}

ContentCounts Counts(element parent, std::string_view key) {
  element e;
  if (parent[key].get(e)) Corrupt(fmt::format("\"{}\" is missing", key));
  ContentCounts c;
  for (size_t i = 0; i < kContentTypeCount; ++i) {
    c.counts[i] = Number(e, ContentTypeName(static_cast<ContentType>(i)));
  }
  return c;
}

std::optional<int64_t> Time(element e, std::string_view key) {
  std::string_view s;
  if (e[key].get(s)) return std::nullopt;
  return ParseTime(s);
}

FileEntry FileFromJson(element e) {
  FileEntry f;
  f.name = String(e, "name");
  f.bronze_key = String(e, "bronze_key");
  f.kind = String(e, "kind");
  f.vintage = String(e, "vintage");
  f.sha256 = String(e, "sha256");
  f.size_bytes = Number(e, "size_bytes");
  const auto status = StatusFromName(String(e, "status"));
  if (!status) Corrupt("unknown file status");
  f.status = *status;
  f.records_total = Number(e, "records_total");
  f.by_content_type = Counts(e, "by_content_type");
  f.rejected_records = Number(e, "rejected_records");
  simdjson::dom::array rejections;
  if (!e["rejections"].get(rejections)) {
    for (element r : rejections) f.rejections.push_back({Number(r, "index"), String(r, "reason")});
  }
  f.first_end_ms = Time(e, "first_end");
  f.last_end_ms = Time(e, "last_end");
  f.naive_times = !String(e, "time_note").empty();
  object months;
  if (!e["records_by_month"].get(months)) {
    for (const auto field : months) {
      uint64_t n = 0;
      if (field.value.get(n)) Corrupt("a month count is not a count");
      f.records_by_month[std::string(field.key)] = n;
    }
  }
  f.entries = Number(e, "entries");
  f.message = String(e, "message");
  return f;
}

}  // namespace

Receipt ReceiptFromJson(std::string_view json) {
  simdjson::dom::parser parser;
  element root;
  if (parser.parse(json.data(), json.size()).get(root)) Corrupt("not JSON");
  if (root["files"].error() || root["totals"].error()) Corrupt("no \"files\" or \"totals\"");
  Receipt r;
  r.id = String(root, "id");
  r.started_at_ms = ParseTime(String(root, "started_at")).value_or(0);
  r.finished_at_ms = ParseTime(String(root, "finished_at")).value_or(0);
  r.lake = String(root, "lake");
  simdjson::dom::array inputs, files;
  if (!root["inputs"].get(inputs)) {
    for (element i : inputs) {
      std::string_view s;
      if (!i.get(s)) r.inputs.emplace_back(s);
    }
  }
  if (root["files"].get(files)) Corrupt("\"files\" is not an array");
  for (element f : files) r.files.push_back(FileFromJson(f));
  r.totals = ComputeTotals(r.files);
  return r;
}

std::vector<Receipt> LoadReceipts(const storage::ObjectStore& lake) {
  std::vector<Receipt> receipts;
  for (const auto& info : lake.List(lake::kReceiptsPrefix)) {
    if (info.key.size() < 5 || info.key.substr(info.key.size() - 5) != ".json") continue;
    try {
      receipts.push_back(ReceiptFromJson(lake.Get(info.key)));
    } catch (const Error& e) {
      Fail(ErrorCode::kCorrupt, "{}: {}", info.key, e.what());
    }
  }
  return receipts;  // List() is sorted by key, and ids sort by time
}

}  // namespace uw::bronze
