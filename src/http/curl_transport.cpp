// The libcurl transport: the only file in the project that includes <curl/curl.h>, so curl's
// error codes become NetworkError here and nowhere else.
#include <curl/curl.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/secrets.h"
#include "http/transport.h"
#include "http/url.h"

namespace uw::http {
namespace {

struct EasyDeleter {
  void operator()(CURL* easy) const { curl_easy_cleanup(easy); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using EasyHandle = std::unique_ptr<CURL, EasyDeleter>;
using HeaderList = std::unique_ptr<curl_slist, SlistDeleter>;

void GlobalInitOnce() {
  // curl_global_init is not thread safe and must run before any other curl call.
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
      throw NetworkError("cannot initialise libcurl");
    }
  });
}

size_t AppendBody(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

std::string_view TrimLine(std::string_view s) {
  while (!s.empty() &&
         (s.back() == '\r' || s.back() == '\n' || s.back() == ' ' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

// curl calls this once per header line of every response it reads, interim ones (100 Continue)
// included: a status line starts a new header block, so only the final response's headers stay.
size_t AppendHeader(char* data, size_t size, size_t count, void* user) {
  auto* headers = static_cast<std::vector<Header>*>(user);
  std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {
    headers->clear();
  } else if (size_t colon = line.find(':'); colon != std::string_view::npos) {
    headers->push_back({std::string(TrimLine(line.substr(0, colon))),
                        std::string(TrimLine(line.substr(colon + 1)))});
  }
  return size * count;
}

class CurlTransport : public Transport {
 public:
  explicit CurlTransport(TransportOptions options) : options_(std::move(options)) {
    GlobalInitOnce();
    easy_.reset(curl_easy_init());
    if (!easy_) throw NetworkError("cannot create a libcurl handle");
  }

  Response Send(const Request& request) override {
    // Reset clears the previous request's options but keeps the open connection (keep-alive).
    curl_easy_reset(easy_.get());
    Response response;
    HeaderList headers = BuildHeaders(request);
    char error_text[CURL_ERROR_SIZE] = {};
    CURL* easy = easy_.get();
    curl_easy_setopt(easy, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);  // timeouts without SIGALRM: safe in threads
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "gzip");
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout_ms));
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(options_.connect_timeout_ms));
    curl_easy_setopt(easy, CURLOPT_USERAGENT, options_.user_agent.c_str());
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, error_text);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, AppendBody);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, AppendHeader);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, &response.headers);
    SetMethod(easy, request);

    CURLcode code = curl_easy_perform(easy);
    if (code != CURLE_OK) throw Failure(request, code, error_text);
    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    response.status = static_cast<int>(status);
    return response;
  }

 private:
  static HeaderList BuildHeaders(const Request& request) {
    HeaderList list;
    auto add = [&list](const std::string& line) {
      curl_slist* grown = curl_slist_append(list.get(), line.c_str());
      if (!grown) throw NetworkError("out of memory building request headers");
      list.release();  // curl_slist_append returned the same list, now longer
      list.reset(grown);
    };
    for (const Header& h : request.headers) {
      // "Name:" would tell curl to drop the header; "Name;" sends it with an empty value.
      add(h.value.empty() ? h.name + ";" : h.name + ": " + h.value);
    }
    // No "Expect: 100-continue" round trip before POST bodies over 1 KiB.
    add("Expect:");
    return list;
  }

  static void SetMethod(CURL* easy, const Request& request) {
    if (request.method == "GET") {
      curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
      return;
    }
    if (request.method == "HEAD") {
      curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
      return;
    }
    if (request.method != "POST") {
      curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    }
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(request.body.size()));
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request.body.c_str());
  }

  // The host and curl's reason only: never the URL's path or query, which may carry secrets.
  static NetworkError Failure(const Request& request, CURLcode code, const char* detail) {
    std::string message =
        request.method + " " + HostOf(request.url) + ": " + curl_easy_strerror(code);
    if (detail[0] != '\0') message += std::string(" (") + detail + ")";
    return NetworkError(core::Redact(message));
  }

  TransportOptions options_;
  EasyHandle easy_;
};

}  // namespace

std::unique_ptr<Transport> MakeCurlTransport(TransportOptions options) {
  return std::make_unique<CurlTransport>(std::move(options));
}

}  // namespace uw::http
