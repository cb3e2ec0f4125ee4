#include "sources/spotify_api/browser.h"

#include <fcntl.h>
#include <spawn.h>
#include <spdlog/spdlog.h>
#include <sys/wait.h>

#include <cstring>
#include <mutex>
#include <vector>

extern char** environ;

namespace uw::spotify_api {
namespace {

std::mutex g_mutex;
std::vector<pid_t> g_children;

}  // namespace

bool OpenInBrowser(const std::string& program, const std::string& url) {
  const std::string path = program.empty() ? "xdg-open" : program;
  std::vector<std::string> args = {path, url};
  std::vector<char*> argv = {args[0].data(), args[1].data(), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, 2, 1);
  pid_t pid = 0;
  // posix_spawnp searches PATH only for names without '/', like execvp.
  const int rc = posix_spawnp(&pid, path.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    spdlog::debug("could not start the browser {}: {}", path, std::strerror(rc));
    return false;
  }
  std::lock_guard lock(g_mutex);
  g_children.push_back(pid);
  return true;
}

void ReapBrowsers() {
  std::lock_guard lock(g_mutex);
  std::vector<pid_t> running;
  for (pid_t pid : g_children) {
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == 0) running.push_back(pid);
  }
  g_children = std::move(running);
}

}  // namespace uw::spotify_api
