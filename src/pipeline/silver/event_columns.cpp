#include "pipeline/silver/event_columns.h"

#include <array>
#include <memory>

#include "pipeline/silver/event_ids.h"
#include "pipeline/silver/lake_tables.h"
#include "pipeline/tables/silver_columns.h"

namespace uw::silver {
namespace {

using parquet::ColumnType;

const char* PrecisionName(Precision precision) {
  switch (precision) {
    case Precision::kMillis:
      return "ms";
    case Precision::kSeconds:
      return "s";
    case Precision::kMinute:
      return "min";
  }
  return "";
}

const char* ResolutionName(Resolution resolution) {
  switch (resolution) {
    case Resolution::kOwn:
      return "own";
    case Resolution::kUnique:
      return "unique";
    case Resolution::kMostUsed:
      return "most_used";
    case Resolution::kUnseen:
      return "unresolved";
    case Resolution::kSearch:
      return "search";
  }
  return "";
}

// The names of the small enums and source sets, interned once: every row of the event tables
// carries one of each, as a text pool code.
template <size_t N, typename Name>
Text Memo(size_t value, Name name) {
  static const std::array<Text, N> texts = [&] {
    std::array<Text, N> all;
    for (size_t i = 0; i < N; ++i) all[i] = Text::Intern(name(i));
    return all;
  }();
  return value < N ? texts[value] : Text::Intern(name(value));
}

Text SourceText(Source source) {
  return Memo<3>(size_t(source), [](size_t v) { return SourceName(Source(v)); });
}
Text SourcesNameText(uint8_t sources) {
  return Memo<8>(sources, [](size_t v) { return SourcesText(uint8_t(v)); });
}
Text PrecisionText(Precision precision) {
  return Memo<3>(size_t(precision), [](size_t v) { return PrecisionName(Precision(v)); });
}
Text ResolutionText(Resolution resolution) {
  return Memo<5>(size_t(resolution), [](size_t v) { return ResolutionName(Resolution(v)); });
}

}  // namespace

Text ContentText(Content content) {
  return Memo<4>(size_t(content), [](size_t v) { return ContentName(Content(v)); });
}

std::vector<parquet::Field> EventContextFields() {
  std::vector<parquet::Field> fields = tables::SilverEventContextFields();
  // Lineage: silver's own, not carried into gold.
  fields.insert(fields.end(), {
                                  {"bronze_file", ColumnType::kString, false},
                                  {"ended_at_precision", ColumnType::kString, false},
                                  {"ended_at_ambiguous", ColumnType::kBoolean, false},
                                  {"name_resolution", ColumnType::kString, false},
                              });
  return fields;
}

size_t AppendEventTime(parquet::Batch& batch, size_t c, const PlayRecord& p, const EventId& id) {
  char event_id[EventId::kHexSize];
  id.HexTo(event_id);
  batch.column(c++).AppendString(std::string_view(event_id, sizeof event_id));
  batch.column(c++).AppendInt64(p.ended_at_ms * 1000);
  batch.column(c++).AppendInt64(p.StartedAtMs() * 1000);
  if (p.ms_played) {
    batch.column(c++).AppendInt64(*p.ms_played);
  } else {
    batch.column(c++).AppendNull();  // caught by the not-null check, naming the row
  }
  batch.column(c++).AppendBool(p.ms_played_estimated);
  return c;
}

size_t AppendEventContext(parquet::Batch& batch, size_t c, const PlayRecord& p) {
  AppendText(batch.column(c++), p.Platform());
  AppendText(batch.column(c++), p.platform_raw);
  AppendText(batch.column(c++), p.conn_country);
  AppendText(batch.column(c++), p.reason_start);
  AppendText(batch.column(c++), p.reason_end);
  AppendOptBool(batch.column(c++), OptionalOf(p.shuffle));
  AppendOptBool(batch.column(c++), OptionalOf(p.skipped));
  batch.column(c++).AppendBool(p.IsSkip());
  batch.column(c++).AppendBool(p.IsStream());
  AppendOptBool(batch.column(c++), OptionalOf(p.offline));
  AppendOptMicros(batch.column(c++), p.offline_at_ms);
  batch.column(c++).AppendBool(p.incognito);
  AppendTextValue(batch.column(c++), SourceText(p.source));
  AppendTextValue(batch.column(c++), SourcesNameText(p.sources));
  AppendTextValue(batch.column(c++), p.bronze_file);
  AppendTextValue(batch.column(c++), PrecisionText(p.precision));
  batch.column(c++).AppendBool(p.ended_at_ambiguous);
  AppendTextValue(batch.column(c++), ResolutionText(p.resolution));
  return c;
}

StreamedTable EventStream(std::string name, const std::vector<parquet::Field>& identity,
                          const std::vector<PlayRecord>& plays,
                          std::function<void(parquet::Batch&, size_t, size_t)> append_identity) {
  std::vector<parquet::Field> fields = tables::SilverEventTimeFields();
  fields.insert(fields.end(), identity.begin(), identity.end());
  for (parquet::Field& f : EventContextFields()) fields.push_back(std::move(f));
  LakeTable shape;
  shape.name = std::move(name);
  shape.schema = parquet::Schema(std::move(fields));
  shape.partition_columns = {"year", "month"};
  shape.key = {"event_id"};
  // Counted before the first month is built; the rows then hash their ids as they are written.
  auto ids = std::make_shared<const EventIds>(plays);
  return StreamMonthPartitions(
      std::move(shape), plays.size(), [&](size_t i) { return plays[i].ended_at_ms; },
      [&plays, ids = std::move(ids), identity_columns = identity.size(),
       append_identity = std::move(append_identity)](parquet::Batch& rows, size_t i) {
        const size_t c = AppendEventTime(rows, 0, plays[i], ids->Of(i));
        append_identity(rows, i, c);
        AppendEventContext(rows, c + identity_columns, plays[i]);
      });
}

std::string SourcesText(uint8_t sources) {
  std::string text;
  for (const auto& [bit, name] :
       {std::pair{kSeenByApi, "api"}, std::pair{kSeenByExtended, "extended"},
        std::pair{kSeenByAccount, "account"}}) {
    if ((sources & bit) == 0) continue;
    if (!text.empty()) text += ',';
    text += name;
  }
  return text;
}

}  // namespace uw::silver
