#include "fakes/fake_json.h"

namespace uw::fakes {

std::string ApiErrorBody(int status, std::string_view message, std::string_view reason) {
  Json error = Json::Object();
  error.Set("status", status);
  if (!message.empty()) error.Set("message", message);
  if (!reason.empty()) error.Set("reason", reason);
  return Json::Object().Set("error", std::move(error)).Dump();
}

}  // namespace uw::fakes
