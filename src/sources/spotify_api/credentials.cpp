#include "sources/spotify_api/credentials.h"

#include <fcntl.h>
#include <simdjson.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "core/fd.h"
#include "core/text.h"
#include "sources/spotify_api/pkce.h"

namespace uw::spotify_api {
namespace {

namespace fs = std::filesystem;

// Bump when a field changes meaning; an unknown format is reported, not guessed at.
constexpr int64_t kFormat = 1;

[[noreturn]] void FailErrno(const fs::path& file, const char* what) {
  Fail(ErrorCode::kIo, "{}: cannot {}: {}", file.string(), what, std::strerror(errno));
}

void WriteAll(int fd, std::string_view data, const fs::path& file) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      FailErrno(file, "write");
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
}

// A temporary name beside `file` that no other writer picks: pid plus random suffix.
fs::path TempPath(const fs::path& file) {
  return file.string() + ".tmp-" + std::to_string(::getpid()) + "-" + MakeState().substr(0, 8);
}

void SyncDir(const fs::path& dir) {
  core::Fd fd(::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() >= 0) ::fsync(fd.get());  // best effort: some file systems refuse folder fsync
}

// Removes the temporary file unless released: a failed save leaves nothing behind.
class TempFileGuard {
 public:
  explicit TempFileGuard(fs::path path) : path_(std::move(path)) {}
  ~TempFileGuard() {
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  TempFileGuard(const TempFileGuard&) = delete;
  TempFileGuard& operator=(const TempFileGuard&) = delete;
  void Release() { path_.clear(); }

 private:
  fs::path path_;
};

std::string ReadText(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) Fail(ErrorCode::kIo, "{}: cannot read the Spotify credentials file", file.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string StringField(simdjson::dom::object object, const char* key) {
  std::string_view value;
  if (object[key].get(value)) return "";
  return std::string(value);
}

int64_t IntField(simdjson::dom::object object, const char* key) {
  int64_t value = 0;
  if (object[key].get(value)) return 0;
  return value;
}

}  // namespace

std::string CredentialsToJson(const Credentials& c) {
  std::string json = "{\"format\":" + std::to_string(kFormat) + ",\"client_id\":";
  core::AppendJsonString(json, c.client_id);
  json += ",\"refresh_token\":";
  core::AppendJsonString(json, c.refresh_token);
  json += ",\"scope\":";
  core::AppendJsonString(json, c.scope);
  json += ",\"authorized_at_ms\":" + std::to_string(c.authorized_at_ms);
  json += ",\"refreshed_at_ms\":" + std::to_string(c.refreshed_at_ms);
  json += ",\"replaces_token_sha256\":";
  core::AppendJsonString(json, c.replaces_token_sha256);
  return json + "}\n";
}

Credentials CredentialsFromJson(std::string_view json, const std::string& where) {
  // Messages never quote the content: the file holds a secret.
  simdjson::dom::parser parser;
  simdjson::dom::object root;
  if (parser.parse(json.data(), json.size()).get(root)) {
    Fail(ErrorCode::kCorrupt,
         "{}: not a JSON object; run `unwrapped auth spotify` to write it again", where);
  }
  int64_t format = 0;
  if (root["format"].get(format) || format != kFormat) {
    Fail(ErrorCode::kCorrupt,
         "{}: unknown credentials format (expected {}); run `unwrapped auth spotify` again", where,
         kFormat);
  }
  Credentials c;
  c.client_id = StringField(root, "client_id");
  c.refresh_token = StringField(root, "refresh_token");
  c.scope = StringField(root, "scope");
  c.authorized_at_ms = IntField(root, "authorized_at_ms");
  c.refreshed_at_ms = IntField(root, "refreshed_at_ms");
  c.replaces_token_sha256 = StringField(root, "replaces_token_sha256");
  if (c.refresh_token.empty()) {
    Fail(ErrorCode::kCorrupt, "{}: holds no refresh token; run `unwrapped auth spotify` again",
         where);
  }
  return c;
}

void CreatePrivateDirs(const fs::path& dir) {
  if (dir.empty() || fs::exists(dir)) return;
  CreatePrivateDirs(dir.parent_path());
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) FailErrno(dir, "create the folder");
}

std::optional<mode_t> FileMode(const fs::path& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return std::nullopt;
  return st.st_mode & 07777;
}

std::optional<Credentials> LoadCredentials(const fs::path& file, bool warn_if_open) {
  const auto mode = FileMode(file);
  if (!mode) return std::nullopt;
  if (warn_if_open && TooOpen(*mode)) {
    spdlog::warn(
        "{} can be read by other users (mode {:o}); it holds your Spotify sign-in: run `chmod 600 "
        "{}`",
        file.string(), *mode, file.string());
  }
  return CredentialsFromJson(ReadText(file), file.string());
}

void SaveCredentials(const fs::path& file, const Credentials& credentials) {
  CreatePrivateDirs(file.parent_path());
  const fs::path temp = TempPath(file);
  // O_EXCL with mode 0600: the file is born private (the umask can only narrow it further), so
  // the token is never readable by others, unlike writing first and chmod-ing afterwards.
  core::Fd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
  if (fd.get() < 0) FailErrno(temp, "create");
  TempFileGuard guard(temp);
  WriteAll(fd.get(), CredentialsToJson(credentials), temp);
  if (::fsync(fd.get()) != 0) FailErrno(temp, "sync");
  if (::rename(temp.c_str(), file.c_str()) != 0) FailErrno(file, "replace");
  guard.Release();
  SyncDir(file.parent_path());
}

}  // namespace uw::spotify_api
