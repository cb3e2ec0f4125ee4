// The small PDF that real exports ship beside the JSON (ReadMeFirst_*.pdf): a valid one-page
// PDF 1.4 with a line of text, so importers see the file and must ignore it.
#pragma once

#include <string>
#include <string_view>

namespace uw::generator {

// A complete PDF document (with a correct cross-reference table) showing `text` (ASCII).
std::string FakePdf(std::string_view text);

}  // namespace uw::generator
