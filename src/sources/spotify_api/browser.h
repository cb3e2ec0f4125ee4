// Opening the sign-in URL in the user's browser: a program started directly (fork/exec, no
// shell, so nothing in the URL is ever interpreted) with the URL as its one argument.
#pragma once

#include <string>

namespace uw::spotify_api {

// Starts `program` (looked up on PATH when it has no '/') with `url` as its single argument,
// stdin from /dev/null and its stdout sent to our stderr (so --json output stays clean). "" =
// xdg-open. Does not wait for it. Returns false when it could not be started (the caller has
// printed the URL anyway); logs why at debug level.
bool OpenInBrowser(const std::string& program, const std::string& url);

// Collects browser processes that have exited, without waiting for running ones.
void ReapBrowsers();

}  // namespace uw::spotify_api
