#include "parquet/file_schema.h"

#include <fmt/format.h>

#include "core/error.h"

namespace uw::parquet {

PhysicalType PhysicalTypeFor(ColumnType type) {
  switch (type) {
    case ColumnType::kBoolean:
      return PhysicalType::kBoolean;
    case ColumnType::kInt32:
    case ColumnType::kDate:
      return PhysicalType::kInt32;
    case ColumnType::kInt64:
    case ColumnType::kTimestamp:
      return PhysicalType::kInt64;
    case ColumnType::kDouble:
      return PhysicalType::kDouble;
    case ColumnType::kString:
      return PhysicalType::kByteArray;
  }
  return PhysicalType::kByteArray;
}

namespace {

SchemaElement LeafElement(const Field& field) {
  SchemaElement e;
  e.name = field.name;
  e.type = PhysicalTypeFor(field.type);
  e.repetition_type = field.nullable ? Repetition::kOptional : Repetition::kRequired;
  LogicalType& lt = e.logical_type;
  switch (field.type) {
    case ColumnType::kBoolean:
    case ColumnType::kDouble:
      break;
    case ColumnType::kInt32:
    case ColumnType::kInt64:
      e.converted_type =
          field.type == ColumnType::kInt32 ? ConvertedType::kInt32 : ConvertedType::kInt64;
      lt.kind = LogicalType::kInteger;
      lt.bit_width = field.type == ColumnType::kInt32 ? 32 : 64;
      lt.is_signed = true;
      break;
    case ColumnType::kString:
      e.converted_type = ConvertedType::kUtf8;
      lt.kind = LogicalType::kString;
      break;
    case ColumnType::kDate:
      e.converted_type = ConvertedType::kDate;
      lt.kind = LogicalType::kDate;
      break;
    case ColumnType::kTimestamp:
      // UTC-adjusted: Delta maps isAdjustedToUTC=false to timestamp_ntz (tech.md §1.5).
      e.converted_type = ConvertedType::kTimestampMicros;
      lt.kind = LogicalType::kTimestamp;
      lt.is_adjusted_to_utc = true;
      lt.unit = TimeUnit::kMicros;
      break;
  }
  return e;
}

void Unsupported(LeafColumn& leaf, std::string why) {
  leaf.type.reset();
  leaf.unsupported = std::move(why);
}

void ResolveInt32(const SchemaElement& e, LeafColumn& leaf) {
  const LogicalType& lt = e.logical_type;
  const auto ct = e.converted_type;
  leaf.type = ColumnType::kInt32;
  if (lt.kind == LogicalType::kDate || ct == ConvertedType::kDate) {
    leaf.type = ColumnType::kDate;
  } else if (lt.kind == LogicalType::kInteger ? (!lt.is_signed && lt.bit_width == 32)
                                              : ct == ConvertedType::kUint32) {
    leaf.type = ColumnType::kInt64;
    leaf.conversion = Conversion::kUint32ToInt64;
    leaf.stats_usable = false;  // the deprecated min/max of unsigned columns are signed
  } else if (lt.kind == LogicalType::kDecimal || ct == ConvertedType::kDecimal) {
    Unsupported(leaf, "DECIMAL");
  } else if (lt.kind == LogicalType::kTime || ct == ConvertedType::kTimeMillis) {
    Unsupported(leaf, "TIME");
  }
}

void ResolveInt64(const SchemaElement& e, LeafColumn& leaf) {
  const LogicalType& lt = e.logical_type;
  const auto ct = e.converted_type;
  leaf.type = ColumnType::kInt64;
  if (lt.kind == LogicalType::kTimestamp) {
    leaf.type = ColumnType::kTimestamp;
    leaf.conversion = lt.unit == TimeUnit::kMillis  ? Conversion::kMillisToMicros
                      : lt.unit == TimeUnit::kNanos ? Conversion::kNanosToMicros
                                                    : Conversion::kNone;
  } else if (ct == ConvertedType::kTimestampMicros || ct == ConvertedType::kTimestampMillis) {
    leaf.type = ColumnType::kTimestamp;
    if (ct == ConvertedType::kTimestampMillis) leaf.conversion = Conversion::kMillisToMicros;
  } else if (lt.kind == LogicalType::kInteger ? !lt.is_signed : ct == ConvertedType::kUint64) {
    Unsupported(leaf, "UINT64");
  } else if (lt.kind == LogicalType::kDecimal || ct == ConvertedType::kDecimal) {
    Unsupported(leaf, "DECIMAL");
  } else if (lt.kind == LogicalType::kTime || ct == ConvertedType::kTimeMicros) {
    Unsupported(leaf, "TIME");
  }
}

LeafColumn ResolveLeaf(const SchemaElement& e) {
  LeafColumn leaf;
  leaf.name = e.name;
  leaf.physical = *e.type;
  leaf.type_length = e.type_length.value_or(0);
  leaf.nullable = e.repetition_type.value_or(Repetition::kOptional) != Repetition::kRequired;
  leaf.stats_usable = true;
  switch (leaf.physical) {
    case PhysicalType::kBoolean:
      leaf.type = ColumnType::kBoolean;
      break;
    case PhysicalType::kInt32:
      ResolveInt32(e, leaf);
      break;
    case PhysicalType::kInt64:
      ResolveInt64(e, leaf);
      break;
    case PhysicalType::kInt96:
      leaf.type = ColumnType::kTimestamp;
      leaf.conversion = Conversion::kInt96ToMicros;
      leaf.stats_usable = false;  // INT96 has no defined order (parquet.thrift ColumnOrder)
      break;
    case PhysicalType::kFloat:
      leaf.type = ColumnType::kDouble;
      leaf.conversion = Conversion::kFloatToDouble;
      break;
    case PhysicalType::kDouble:
      leaf.type = ColumnType::kDouble;
      break;
    case PhysicalType::kByteArray:
      if (e.logical_type.kind == LogicalType::kDecimal ||
          e.converted_type == ConvertedType::kDecimal) {
        Unsupported(leaf, "DECIMAL");
      } else {
        leaf.type = ColumnType::kString;
      }
      break;
    case PhysicalType::kFixedLenByteArray:
      Unsupported(leaf, "FIXED_LEN_BYTE_ARRAY");
      break;
    default:
      Unsupported(leaf, fmt::format("physical type {}", static_cast<int>(leaf.physical)));
      break;
  }
  return leaf;
}

}  // namespace

std::vector<SchemaElement> ToSchemaElements(const Schema& schema) {
  std::vector<SchemaElement> elements;
  elements.reserve(schema.size() + 1);
  SchemaElement root;
  root.name = "schema";
  root.num_children = static_cast<int32_t>(schema.size());
  elements.push_back(std::move(root));
  for (const auto& f : schema.fields()) elements.push_back(LeafElement(f));
  return elements;
}

std::vector<LeafColumn> ResolveLeaves(const std::vector<SchemaElement>& schema) {
  if (schema.empty()) Fail(ErrorCode::kCorrupt, "the schema has no root element");
  const SchemaElement& root = schema.front();
  if (root.type) Fail(ErrorCode::kCorrupt, "the schema root \"{}\" is not a group", root.name);
  const int32_t children = root.num_children.value_or(0);
  if (children < 0 || static_cast<size_t>(children) != schema.size() - 1) {
    // Fewer direct children than elements means groups inside: a nested schema.
    Fail(ErrorCode::kInput,
         "nested schemas are not supported (root has {} children, {} elements follow)", children,
         schema.size() - 1);
  }
  std::vector<LeafColumn> leaves;
  leaves.reserve(schema.size() - 1);
  for (size_t i = 1; i < schema.size(); ++i) {
    const SchemaElement& e = schema[i];
    if (!e.type || e.num_children.value_or(0) > 0) {
      Fail(ErrorCode::kInput, "column \"{}\" is a group: nested schemas are not supported", e.name);
    }
    if (e.repetition_type == Repetition::kRepeated) {
      Fail(ErrorCode::kInput, "column \"{}\" is REPEATED: nested schemas are not supported",
           e.name);
    }
    leaves.push_back(ResolveLeaf(e));
  }
  return leaves;
}

}  // namespace uw::parquet
