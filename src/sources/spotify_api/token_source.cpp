#include "sources/spotify_api/token_source.h"

#include "core/sha256.h"

namespace uw::spotify_api {

RefreshTokenChoice ChooseRefreshToken(const std::string& configured_refresh_token,
                                      const std::string& configured_client_id,
                                      const std::optional<Credentials>& file) {
  RefreshTokenChoice choice;
  choice.client_id = !configured_client_id.empty() ? configured_client_id
                     : file                        ? file->client_id
                                                   : "";
  if (configured_refresh_token.empty()) {
    if (file) {
      choice.origin = TokenOrigin::kCredentialsFile;
      choice.refresh_token = file->refresh_token;
    }
    return choice;
  }
  choice.settings_token_sha256 = core::Sha256Hex(configured_refresh_token);
  if (file && file->replaces_token_sha256 == choice.settings_token_sha256) {
    choice.origin = TokenOrigin::kRotatedSettings;
    choice.refresh_token = file->refresh_token;
    return choice;
  }
  choice.origin = TokenOrigin::kSettings;
  choice.refresh_token = configured_refresh_token;
  choice.file_disagrees = file && file->refresh_token != configured_refresh_token;
  return choice;
}

bool AdoptFileSuccessor(RefreshTokenChoice& choice, const std::optional<Credentials>& file) {
  if (!file || file->refresh_token == choice.refresh_token) return false;
  switch (choice.origin) {
    case TokenOrigin::kNone:
      return false;
    case TokenOrigin::kCredentialsFile:
      break;
    case TokenOrigin::kSettings:
    case TokenOrigin::kRotatedSettings:
      // A file that no longer continues the chain (a new `auth spotify`, another configured
      // token's successor) is not this run's business: its own token is still the newest.
      if (file->replaces_token_sha256 != choice.settings_token_sha256) return false;
      choice.origin = TokenOrigin::kRotatedSettings;
      choice.file_disagrees = false;
      break;
  }
  choice.refresh_token = file->refresh_token;
  return true;
}

const char* TokenOriginName(TokenOrigin origin) {
  switch (origin) {
    case TokenOrigin::kNone:
      return "none";
    case TokenOrigin::kCredentialsFile:
      return "credentials file";
    case TokenOrigin::kSettings:
      return "settings";
    case TokenOrigin::kRotatedSettings:
      return "settings (rotated, from the credentials file)";
  }
  return "none";
}

}  // namespace uw::spotify_api
