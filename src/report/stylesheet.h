// The report's inline stylesheet: system fonts only (no network), one palette defined as CSS
// variables for the light scheme and overridden for prefers-color-scheme: dark, chart colours by
// class (s0…s7, s-other) so the SVGs follow the scheme, and print rules.
#pragma once

#include <string_view>

namespace uw::report {

std::string_view Stylesheet();

}  // namespace uw::report
