// How a run of `enrich spotify` is shown: a table per kind (this run, and the queue after it),
// the searches, the requests used and why the run stopped; and the same as one JSON object.
#pragma once

#include <string>

#include "pipeline/enrich/spotify_fetcher.h"

namespace uw::enrich {

std::string EnrichReportToText(const EnrichReport& report);
std::string EnrichReportToJson(const EnrichReport& report);

// The queue totals alone (`status`): a table per kind and the searches; `indent` prefixes lines.
std::string QueueTotalsToText(const QueueTotals& totals, const std::string& indent);
std::string QueueTotalsToJson(const QueueTotals& totals);

}  // namespace uw::enrich
