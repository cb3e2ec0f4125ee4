// The fakes build their response bodies with core::Json (ordered members: real Spotify bodies
// have a fixed key order; Json::Count marks the integer fields of the 2024 float quirk,
// formats.md §3.2). What is particular to the fake lives here.
#pragma once

#include <string>
#include <string_view>

#include "core/json.h"

namespace uw::fakes {

using core::Json;
using core::JsonFormat;

// {"error":{"status":S,"message":M}} (message omitted when empty), the Web API error shape.
std::string ApiErrorBody(int status, std::string_view message, std::string_view reason = "");

}  // namespace uw::fakes
