// The saved Spotify sign-in: the refresh token `auth spotify` obtained, kept as a small JSON file
// readable only by the user (settings.spotify_credentials_file). Access tokens are never saved.
// Writes are atomic: a reader sees the old file or the new one, never a mix, and the token never
// sits in a file with wider permissions than 0600, not even for a moment.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace uw::spotify_api {

struct Credentials {
  std::string client_id;         // the app the refresh token belongs to
  std::string refresh_token;     // secret
  std::string scope;             // as granted, space separated
  int64_t authorized_at_ms = 0;  // when the user signed in; 0 = unknown (a headless token)
  int64_t refreshed_at_ms = 0;   // when this refresh token was received (sign-in or rotation)
  // Headless runs: SHA-256 (hex) of the configured refresh token this file's token replaced by
  // rotation, "" when the token came from `auth spotify`. See access_tokens.h for the rule.
  std::string replaces_token_sha256;
};

// The saved credentials, or nullopt when the file does not exist (= not signed in). Logs a
// warning naming the file and the chmod fix when group or others may read it (unless
// `warn_if_open` is false: `status` reports it itself). Throws Error(kCorrupt) when the file is
// not a credentials file, Error(kIo) when it cannot be read.
std::optional<Credentials> LoadCredentials(const std::filesystem::path& file,
                                           bool warn_if_open = true);

// Writes `credentials` to `file` atomically: missing folders are created with mode 0700, the
// data goes to a temporary file in the same folder created with mode 0600 (O_CREAT|O_EXCL),
// is fsynced and renamed over `file`; the folder is fsynced last. On failure the old file is
// untouched, the temporary file removed, and Error(kIo) thrown naming the file.
void SaveCredentials(const std::filesystem::path& file, const Credentials& credentials);

// Creates each missing folder of `dir` with mode 0700 (the folder holds a secret; creating it
// narrow avoids a window where a wider default applies). Throws Error(kIo) naming the folder.
void CreatePrivateDirs(const std::filesystem::path& dir);

// The permission bits of `file` (e.g. 0600), or nullopt when it does not exist.
std::optional<mode_t> FileMode(const std::filesystem::path& file);

// True when group or others have any access to a file with these permission bits.
inline bool TooOpen(mode_t mode) { return (mode & 077) != 0; }

// The credentials as JSON text and back (exposed for tests). Parsing throws Error(kCorrupt)
// naming `where`.
std::string CredentialsToJson(const Credentials& credentials);
Credentials CredentialsFromJson(std::string_view json, const std::string& where);

}  // namespace uw::spotify_api
