// The Spotify sign-in part of `unwrapped status` (status_sign_in.cpp): not signed in, signed in
// on DATE with client id, or headless through the settings; the credentials file and whether its
// permissions are private; a warning in the last 14 of the 180 days a sign-in lasts and an error
// after them (sources/spotify_api/sign_in_status.h). Reads the credentials file; sends nothing.
#pragma once

#include <string>

#include "core/settings.h"

namespace uw::cli {

// A text section (starting with a blank line), or the value of a "spotify_sign_in" JSON member.
// A damaged credentials file is reported in it, never thrown.
std::string SignInStatusText(const core::Settings& settings);
std::string SignInStatusJson(const core::Settings& settings);

}  // namespace uw::cli
