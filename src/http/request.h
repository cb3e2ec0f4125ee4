// One HTTP exchange as plain values: what a Transport sends and what it gets back. No behaviour
// beyond a case-insensitive header lookup, so fakes in tests can build them freely.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace uw::http {

struct Header {
  std::string name;
  std::string value;
};

struct Request {
  std::string method = "GET";
  std::string url;  // absolute, query included (see form.h WithQuery)
  std::vector<Header> headers;
  std::string body;
};

struct Response {
  int status = 0;
  std::vector<Header> headers;  // in arrival order; names as the server sent them
  std::string body;

  // The value of the first header called `name`, compared case-insensitively (RFC 9110 §5.1),
  // or nullopt when absent.
  std::optional<std::string> header(std::string_view name) const;
};

}  // namespace uw::http
