// How a build summary shows its published tables (silver and gold print the same lines and JSON):
// rows, version, and which partitions were written, kept or removed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/tables/publish_table.h"

namespace uw::tables {

// 1234567 -> "1,234,567"
std::string Thousands(uint64_t n);

// "    listening_events     986,064 rows  v3   rewrote 1 of 120 partitions (year=2025/month=6)"
std::string PublishedTableLine(const PublishedTable& table);

// The tables as a JSON array: [{"name":…,"rows":…,"version":…,"committed":…,…}, …]
std::string PublishedTablesJson(const std::vector<PublishedTable>& tables);

}  // namespace uw::tables
