// Which refresh token and client id a run uses: the configured ones (settings, typically
// UNWRAPPED_SPOTIFY_REFRESH_TOKEN / UNWRAPPED_SPOTIFY_CLIENT_ID for headless jobs) or the ones
// `auth spotify` saved in the credentials file.
//
// The rule, including token rotation (Spotify may answer a refresh with a new refresh token):
//  * No configured token: the credentials file's token is used.
//  * A configured token: it is used, unless the credentials file holds its successor. When a
//    run rotates a configured token, the new token is written to the credentials file at once,
//    with replaces_token_sha256 = SHA-256 of the configured token (only a hash: the file never
//    names another secret). Later runs with the same configured token see that mark and use the
//    file's newer token; successive rotations keep the mark, so the chain is followed however
//    often it rotates. Changing the configured token breaks the link and it wins again.
//  * The client id: the configured one, else the file's.
#pragma once

#include <optional>
#include <string>

#include "sources/spotify_api/credentials.h"

namespace uw::spotify_api {

enum class TokenOrigin {
  kNone,             // not signed in
  kCredentialsFile,  // from `auth spotify`
  kSettings,         // configured (headless)
  kRotatedSettings,  // the file's successor of the configured token
};

struct RefreshTokenChoice {
  TokenOrigin origin = TokenOrigin::kNone;
  std::string refresh_token;  // secret; "" when origin is kNone
  std::string client_id;      // "" when neither settings nor file name one
  // For configured tokens: SHA-256 (hex) of the configured token, to be written as
  // replaces_token_sha256 when the token rotates. "" otherwise.
  std::string settings_token_sha256;
  // A configured token is used while the file holds an unrelated one (`status` says so).
  bool file_disagrees = false;
};

// Applies the rule above. `file` is the loaded credentials file, if any.
RefreshTokenChoice ChooseRefreshToken(const std::string& configured_refresh_token,
                                      const std::string& configured_client_id,
                                      const std::optional<Credentials>& file);

// For a run already under way: true when `file` (re-loaded now) holds the successor of the
// token `choice` uses, that is another run rotated it since (or, for a file token, signed in
// again), and then switches `choice` to the file's token. By the rule above: a file token
// (kCredentialsFile) is succeeded by any other token in the file; a configured token (kSettings,
// kRotatedSettings) by a different token whose replaces_token_sha256 is the configured token's
// hash, and becomes kRotatedSettings. The client id stays as chosen.
bool AdoptFileSuccessor(RefreshTokenChoice& choice, const std::optional<Credentials>& file);

// "credentials file", "settings", "settings (rotated, from the credentials file)", "none".
const char* TokenOriginName(TokenOrigin origin);

}  // namespace uw::spotify_api
