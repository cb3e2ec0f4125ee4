// How data file paths appear in the Delta log and in partition folder names (tech.md §3.3):
// add/remove paths are RFC 2396 URI-encoded relative paths; partition folders are Hive-escaped
// `col=value`. Pure functions, thread safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "delta/actions.h"

namespace uw::delta {

// Percent-encodes (upper-case hex) every byte except RFC 2396 unreserved characters, '/', and the
// path-segment characters ":@&=+$," — so Hive's "year=2024" stays as is, while space, '%', '#',
// '?' and non-ASCII bytes are encoded.
std::string EncodeLogPath(std::string_view relative_path);
// The inverse; nullopt when a '%' is not followed by two hex digits.
std::optional<std::string> DecodeLogPath(std::string_view encoded);

// Hive's escaping of one partition value in a folder name (control characters and
// "\"#%'*/:=?\\{[]^" become %XX); an empty or null value becomes __HIVE_DEFAULT_PARTITION__.
std::string HiveEscape(const std::optional<std::string>& value);
// "year=2024/month=3" for `columns` in order, each looked up in `values`.
// Throws Error(kInternal) when a column has no value.
std::string PartitionDir(const std::vector<std::string>& columns, const PartitionValues& values);

}  // namespace uw::delta
