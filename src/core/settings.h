// Settings: the one object that holds every configurable value. Precedence: command-line flags >
// UNWRAPPED_* environment > TOML config file > defaults (DESIGN §1). Nothing else in the
// program reads the environment: main() hands it in as an Environment map.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace uw::core {

using Environment = std::map<std::string, std::string>;

// Builds an Environment from the process's `environ` (only main() calls this).
Environment ProcessEnvironment();

enum class SettingSource { kDefault, kFile, kEnvironment, kFlag };

struct Settings {
  std::string lake = "./lake";  // a path or file:// / memory:// URL
  std::string mode = "local";   // local | dev | prod
  int verbosity = 0;            // -1 quiet, 0 normal, 1 verbose, 2 debug
  bool json = false;            // machine-readable output
  bool progress = true;         // progress bars (only ever on a TTY)
  std::string timezone;         // the listener's IANA zone; "" = the system's
  std::string system_tz;        // $TZ as seen at start-up (input to TimeZone::System)
  std::string account_zone = "auto";  // account-data endTime zone: auto | UTC | IANA name
  bool timezone_from_country = false;  // gold local time per play from conn_country when known
  int64_t report_session_gap_minutes = 30;  // a pause longer than this starts a new session
  int64_t lock_wait_seconds = 60;  // a writing command waits this long for the lake lock

  std::string spotify_api_url = "https://api.spotify.com/v1";
  std::string spotify_accounts_url = "https://accounts.spotify.com";
  std::string lastfm_api_url = "https://ws.audioscrobbler.com/2.0/";
  std::string spotify_client_id;
  std::string spotify_client_secret;  // secret
  std::string spotify_refresh_token;  // secret
  std::string lastfm_api_key;         // secret
  // Where `auth spotify` keeps the refresh token (mode 0600). "" = <config dir>/unwrapped/
  // spotify-credentials.json, resolved by LoadSettings from XDG_CONFIG_HOME or HOME.
  std::string spotify_credentials_file;
  // The command `auth spotify` runs with the sign-in URL as its one argument ("" = xdg-open when
  // present, else only print the URL). Tests point it at a script that plays the browser.
  std::string spotify_browser;
  int64_t spotify_redirect_port = 8888;      // http://127.0.0.1:PORT/callback (0 = any free port)
  int64_t spotify_max_wait_seconds = 300;    // longest Retry-After a run waits through
  int64_t spotify_max_requests = 0;          // request budget per run, 0 = no limit
  int64_t spotify_timeout_seconds = 30;      // per request, connect + transfer
  int64_t spotify_retry_base_ms = 1000;      // first backoff step on 5xx and network errors
  int64_t spotify_max_attempts = 5;          // tries per request on 5xx and network errors

  // Import limits against hostile archives (formats.md §2.1: real files are ~13 MB).
  uint64_t import_max_entry_bytes = 1ull << 30;  // one file or ZIP entry, uncompressed
  uint64_t import_max_total_bytes = 16ull << 30; // all entries of one archive
  double import_max_ratio = 100.0;               // uncompressed / compressed per entry

  std::string config_file;  // the TOML file that was read, "" when none

  // Where each value came from, by key ("lake", "spotify.client_id", ...).
  std::map<std::string, SettingSource> sources;
};

// Resolves the settings. `flags` holds values given on the command line by key (same keys as the
// TOML file). `config_path` is the --config flag ("" when absent). Throws Error(kUsage) naming
// the file or variable for a malformed value, an unknown key, or an unreadable config file.
Settings LoadSettings(const std::map<std::string, std::string>& flags, const std::string& config_path,
                      const Environment& env);

struct SettingLine {
  std::string key;
  std::string value;  // secrets redacted
  std::string env;    // the environment variable that sets it
  SettingSource source;
};
// Every setting with its effective value (secrets shown as "<redacted>" or "<unset>").
std::vector<SettingLine> DescribeSettings(const Settings& settings);
const char* SourceName(SettingSource source);

}  // namespace uw::core
