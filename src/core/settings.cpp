#include "core/settings.h"

#include <toml++/toml.h>
#include <unistd.h>

#include <charconv>
#include <filesystem>
#include <functional>

#include "core/error.h"

extern char** environ;

namespace uw::core {
namespace {

struct Spec {
  const char* key;
  const char* env;
  bool secret;
  std::function<void(Settings&, const std::string&, const std::string& where)> set;
  std::function<std::string(const Settings&)> get;
};

bool ParseBool(const std::string& v, const std::string& where) {
  if (v == "1" || v == "true" || v == "yes" || v == "on") return true;
  if (v == "0" || v == "false" || v == "no" || v == "off") return false;
  Fail(ErrorCode::kUsage, "{}: \"{}\" is not a boolean (expected true or false)", where, v);
}

template <typename T>
T ParseNumber(const std::string& v, const std::string& where) {
  T out{};
  const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || ptr != v.data() + v.size()) {
    Fail(ErrorCode::kUsage, "{}: \"{}\" is not a number", where, v);
  }
  return out;
}

// A whole number in [low, high].
Spec Integer(const char* key, const char* env, int64_t Settings::*member, int64_t low, int64_t high) {
  return Spec{key, env, false,
              [=](Settings& s, const std::string& v, const std::string& where) {
                const auto n = ParseNumber<int64_t>(v, where);
                if (n < low || n > high) {
                  Fail(ErrorCode::kUsage, "{}: {} is out of range ({} to {})", where, v, low, high);
                }
                s.*member = n;
              },
              [member](const Settings& s) { return std::to_string(s.*member); }};
}

Spec Text(const char* key, const char* env, std::string Settings::*member, bool secret = false) {
  return Spec{key, env, secret,
              [member](Settings& s, const std::string& v, const std::string&) { s.*member = v; },
              [member](const Settings& s) { return s.*member; }};
}

const std::vector<Spec>& Specs() {
  static const std::vector<Spec> specs = {
      Text("lake", "UNWRAPPED_LAKE", &Settings::lake),
      {"mode", "UNWRAPPED_MODE", false,
       [](Settings& s, const std::string& v, const std::string& where) {
         if (v != "local" && v != "dev" && v != "prod") {
           Fail(ErrorCode::kUsage, "{}: mode \"{}\" is not one of local, dev, prod", where, v);
         }
         s.mode = v;
       },
       [](const Settings& s) { return s.mode; }},
      {"verbosity", "UNWRAPPED_VERBOSITY", false,
       [](Settings& s, const std::string& v, const std::string& where) {
         s.verbosity = ParseNumber<int>(v, where);
       },
       [](const Settings& s) { return std::to_string(s.verbosity); }},
      {"json", "UNWRAPPED_JSON", false,
       [](Settings& s, const std::string& v, const std::string& w) { s.json = ParseBool(v, w); },
       [](const Settings& s) { return std::string(s.json ? "true" : "false"); }},
      {"progress", "UNWRAPPED_PROGRESS", false,
       [](Settings& s, const std::string& v, const std::string& w) { s.progress = ParseBool(v, w); },
       [](const Settings& s) { return std::string(s.progress ? "true" : "false"); }},
      Text("timezone", "UNWRAPPED_TIMEZONE", &Settings::timezone),
      Text("account_zone", "UNWRAPPED_ACCOUNT_ZONE", &Settings::account_zone),
      {"timezone_from_country", "UNWRAPPED_TIMEZONE_FROM_COUNTRY", false,
       [](Settings& s, const std::string& v, const std::string& w) {
         s.timezone_from_country = ParseBool(v, w);
       },
       [](const Settings& s) { return std::string(s.timezone_from_country ? "true" : "false"); }},
      {"report.session_gap_minutes", "UNWRAPPED_REPORT_SESSION_GAP_MINUTES", false,
       [](Settings& s, const std::string& v, const std::string& where) {
         const auto minutes = ParseNumber<int64_t>(v, where);
         if (minutes <= 0 || minutes > 7 * 24 * 60) {
           Fail(ErrorCode::kUsage, "{}: {} is not a session gap in minutes (1 to 10080)", where, v);
         }
         s.report_session_gap_minutes = minutes;
       },
       [](const Settings& s) { return std::to_string(s.report_session_gap_minutes); }},
      Integer("lock_wait_seconds", "UNWRAPPED_LOCK_WAIT_SECONDS", &Settings::lock_wait_seconds, 0,
              24 * 3600),
      Text("spotify.api_url", "UNWRAPPED_SPOTIFY_API_URL", &Settings::spotify_api_url),
      Text("spotify.accounts_url", "UNWRAPPED_SPOTIFY_ACCOUNTS_URL", &Settings::spotify_accounts_url),
      Text("spotify.client_id", "UNWRAPPED_SPOTIFY_CLIENT_ID", &Settings::spotify_client_id),
      Text("spotify.client_secret", "UNWRAPPED_SPOTIFY_CLIENT_SECRET",
           &Settings::spotify_client_secret, true),
      Text("spotify.refresh_token", "UNWRAPPED_SPOTIFY_REFRESH_TOKEN",
           &Settings::spotify_refresh_token, true),
      Text("spotify.credentials_file", "UNWRAPPED_SPOTIFY_CREDENTIALS_FILE",
           &Settings::spotify_credentials_file),
      Text("spotify.browser", "UNWRAPPED_SPOTIFY_BROWSER", &Settings::spotify_browser),
      Integer("spotify.redirect_port", "UNWRAPPED_SPOTIFY_REDIRECT_PORT",
              &Settings::spotify_redirect_port, 0, 65535),
      Integer("spotify.max_wait_seconds", "UNWRAPPED_SPOTIFY_MAX_WAIT_SECONDS",
              &Settings::spotify_max_wait_seconds, 0, 7 * 24 * 3600),
      Integer("spotify.max_requests", "UNWRAPPED_SPOTIFY_MAX_REQUESTS",
              &Settings::spotify_max_requests, 0, int64_t{1} << 40),
      Integer("spotify.timeout_seconds", "UNWRAPPED_SPOTIFY_TIMEOUT_SECONDS",
              &Settings::spotify_timeout_seconds, 1, 3600),
      Integer("spotify.retry_base_ms", "UNWRAPPED_SPOTIFY_RETRY_BASE_MS",
              &Settings::spotify_retry_base_ms, 0, 600000),
      Integer("spotify.max_attempts", "UNWRAPPED_SPOTIFY_MAX_ATTEMPTS",
              &Settings::spotify_max_attempts, 1, 100),
      Text("lastfm.api_url", "UNWRAPPED_LASTFM_API_URL", &Settings::lastfm_api_url),
      Text("lastfm.api_key", "UNWRAPPED_LASTFM_API_KEY", &Settings::lastfm_api_key, true),
      {"import.max_entry_bytes", "UNWRAPPED_IMPORT_MAX_ENTRY_BYTES", false,
       [](Settings& s, const std::string& v, const std::string& w) {
         s.import_max_entry_bytes = ParseNumber<uint64_t>(v, w);
       },
       [](const Settings& s) { return std::to_string(s.import_max_entry_bytes); }},
      {"import.max_total_bytes", "UNWRAPPED_IMPORT_MAX_TOTAL_BYTES", false,
       [](Settings& s, const std::string& v, const std::string& w) {
         s.import_max_total_bytes = ParseNumber<uint64_t>(v, w);
       },
       [](const Settings& s) { return std::to_string(s.import_max_total_bytes); }},
      {"import.max_ratio", "UNWRAPPED_IMPORT_MAX_RATIO", false,
       [](Settings& s, const std::string& v, const std::string& w) {
         s.import_max_ratio = ParseNumber<double>(v, w);
       },
       [](const Settings& s) { return fmt::format("{}", s.import_max_ratio); }},
  };
  return specs;
}

// Flattens a TOML table into "a.b" keys with string values; rejects keys no Spec knows.
void ReadConfigFile(const std::string& path, std::map<std::string, std::string>& out) {
  toml::table table;
  try {
    table = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    const auto& where = e.source().begin;
    Fail(ErrorCode::kUsage, "{}:{}:{}: {}", path, where.line, where.column, e.description());
  }
  std::function<void(const toml::table&, const std::string&)> walk =
      [&](const toml::table& t, const std::string& prefix) {
        for (const auto& [k, node] : t) {
          const std::string key = prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
          if (const auto* sub = node.as_table()) {
            walk(*sub, key);
          } else if (const auto* s = node.as_string()) {
            out[key] = s->get();
          } else if (const auto* i = node.as_integer()) {
            out[key] = std::to_string(i->get());
          } else if (const auto* f = node.as_floating_point()) {
            out[key] = fmt::format("{}", f->get());
          } else if (const auto* b = node.as_boolean()) {
            out[key] = b->get() ? "true" : "false";
          } else {
            Fail(ErrorCode::kUsage, "{}: key \"{}\" must be a string, number or boolean", path, key);
          }
        }
      };
  walk(table, "");
}

const Spec* FindSpec(const std::string& key) {
  for (const auto& spec : Specs()) {
    if (key == spec.key) return &spec;
  }
  return nullptr;
}

// $XDG_CONFIG_HOME/unwrapped, else $HOME/.config/unwrapped, else "".
std::string ConfigDir(const Environment& env) {
  if (auto it = env.find("XDG_CONFIG_HOME"); it != env.end() && !it->second.empty()) {
    return it->second + "/unwrapped";
  }
  if (auto home = env.find("HOME"); home != env.end() && !home->second.empty()) {
    return home->second + "/.config/unwrapped";
  }
  return {};
}

std::string DefaultConfigPath(const Environment& env) {
  const std::string dir = ConfigDir(env);
  if (dir.empty()) return {};
  const std::string path = dir + "/config.toml";
  return std::filesystem::exists(path) ? path : std::string();
}

}  // namespace

Environment ProcessEnvironment() {
  Environment env;
  for (char** e = environ; e && *e; ++e) {
    const std::string_view entry(*e);
    const auto eq = entry.find('=');
    if (eq != std::string_view::npos) env.emplace(entry.substr(0, eq), entry.substr(eq + 1));
  }
  return env;
}

Settings LoadSettings(const std::map<std::string, std::string>& flags, const std::string& config_path,
                      const Environment& env) {
  Settings settings;
  for (const auto& spec : Specs()) settings.sources[spec.key] = SettingSource::kDefault;
  if (auto tz = env.find("TZ"); tz != env.end()) settings.system_tz = tz->second;

  std::string path = config_path;
  if (path.empty()) {
    if (auto it = env.find("UNWRAPPED_CONFIG"); it != env.end()) path = it->second;
  }
  const bool explicit_path = !path.empty();
  if (!explicit_path) path = DefaultConfigPath(env);
  if (!path.empty()) {
    if (!std::filesystem::exists(path)) {
      Fail(ErrorCode::kUsage, "config file {} does not exist", path);
    }
    std::map<std::string, std::string> values;
    ReadConfigFile(path, values);
    for (const auto& [key, value] : values) {
      const Spec* spec = FindSpec(key);
      if (!spec) Fail(ErrorCode::kUsage, "{}: unknown setting \"{}\"", path, key);
      spec->set(settings, value, fmt::format("{}: {}", path, key));
      settings.sources[key] = SettingSource::kFile;
    }
    settings.config_file = path;
  }
  for (const auto& spec : Specs()) {
    if (auto it = env.find(spec.env); it != env.end()) {
      spec.set(settings, it->second, fmt::format("environment variable {}", spec.env));
      settings.sources[spec.key] = SettingSource::kEnvironment;
    }
  }
  for (const auto& [key, value] : flags) {
    const Spec* spec = FindSpec(key);
    if (!spec) Fail(ErrorCode::kInternal, "flag for unknown setting {}", key);
    spec->set(settings, value, fmt::format("flag --{}", key));
    settings.sources[key] = SettingSource::kFlag;
  }
  if (settings.spotify_credentials_file.empty()) {
    const std::string dir = ConfigDir(env);
    settings.spotify_credentials_file = dir.empty() ? ".unwrapped-spotify-credentials.json"
                                                    : dir + "/spotify-credentials.json";
  }
  return settings;
}

std::vector<SettingLine> DescribeSettings(const Settings& settings) {
  std::vector<SettingLine> lines;
  for (const auto& spec : Specs()) {
    std::string value = spec.get(settings);
    if (spec.secret) value = value.empty() ? "<unset>" : "<redacted>";
    lines.push_back({spec.key, value, spec.env, settings.sources.at(spec.key)});
  }
  return lines;
}

const char* SourceName(SettingSource source) {
  switch (source) {
    case SettingSource::kDefault: return "default";
    case SettingSource::kFile: return "file";
    case SettingSource::kEnvironment: return "environment";
    case SettingSource::kFlag: return "flag";
  }
  return "?";
}

}  // namespace uw::core
