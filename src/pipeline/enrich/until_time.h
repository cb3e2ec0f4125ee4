// The --until argument of `enrich spotify`: when a run must stop cleanly, as an ISO-8601 time
// with a zone ("2026-11-21T18:00:00Z", "2026-11-21T19:00:00+01:00", seconds optional) or a
// duration from now ("30m", "2h", "1h30m", "90s", "1d").
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace uw::enrich {

// Epoch milliseconds, or nullopt when `text` is neither form (a time without a zone is refused:
// it would be ambiguous).
std::optional<int64_t> ParseUntil(std::string_view text, int64_t now_ms);

}  // namespace uw::enrich
