// libFuzzer target for the export parser: kind detection and per-record validation of one
// file's bytes (and, when the bytes are a ZIP, the archive reader under small limits). Checks the
// accounting invariant the receipt promises; any crash, sanitizer report or broken invariant is
// a finding.
#include <simdjson.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/error.h"
#include "sources/spotify_export/file_analyzer.h"
#include "sources/spotify_export/zip_archive.h"

namespace {

namespace se = uw::spotify_export;

// Names matter for audio/video, legacy account files and "[]": the first byte picks one (and,
// with its high bit, whether the bytes are parsed in place from a padded buffer).
constexpr std::array<std::string_view, 6> kNames = {"Streaming_History_Audio_2023_0.json",
                                                    "Streaming_History_Video_2023.json",
                                                    "StreamingHistory0.json",
                                                    "StreamingHistory_music_0.json",
                                                    "endsong_0.json",
                                                    "data.json"};

void Check(bool condition) {
  if (!condition) std::abort();
}

void AnalyzeOne(std::string_view name, std::string_view bytes, simdjson::dom::parser& parser,
                bool padded) {
  const se::FileAnalysis a = se::AnalyzeExportFile(name, bytes, parser, padded);
  Check(a.records_total == a.by_content_type.Total() + a.rejected_records);
  Check(a.rejections.size() <= se::kMaxListedRejections);
  Check(a.rejections.size() <= a.rejected_records);
  Check(a.first_end_ms.has_value() == a.last_end_ms.has_value());
  if (a.first_end_ms) Check(*a.first_end_ms <= *a.last_end_ms);
  uint64_t by_month = 0;
  for (const auto& [month, n] : a.records_by_month) by_month += n;
  Check(by_month <= a.by_content_type.Total());
  if (a.verdict != se::Verdict::kAccepted) Check(!a.message.empty());
}

void ReadArchive(std::string_view bytes, simdjson::dom::parser& parser) {
  try {
    const auto zip = se::ZipArchive::OpenBuffer(bytes);
    se::ByteBudget budget(4 << 20);
    se::FileBytes data;
    for (const auto& entry : zip->entries()) {
      if (entry.is_directory || entry.encrypted || se::IsUnsafeEntryName(entry.name)) continue;
      try {
        zip->Read(entry, {1 << 20, 100.0}, budget, data);
        Check(data.size() <= (1u << 20));
        AnalyzeOne(entry.name, data.view(), parser, /*padded=*/true);
      } catch (const uw::Error&) {
        // A limit or corrupt data: reported per entry by the importer.
      }
    }
  } catch (const uw::Error&) {
    // Not a readable archive.
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static simdjson::dom::parser parser;
  if (size == 0) return 0;
  const std::string_view name = kNames[data[0] % kNames.size()];
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (se::LooksLikeZip(bytes)) {
    ReadArchive(bytes, parser);
  } else {
    // The importer parses in place from a padded buffer; other callers let simdjson copy.
    if (data[0] & 0x80) {
      const se::FileBytes padded(bytes);
      AnalyzeOne(name, padded.view(), parser, /*padded=*/true);
    } else {
      AnalyzeOne(name, bytes, parser, /*padded=*/false);
    }
  }
  return 0;
}
