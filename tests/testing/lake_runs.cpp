#include "testing/lake_runs.h"

#include <regex>

#include "core/civil_time.h"
#include "testing/testing.h"

namespace uw::testing {

namespace fs = std::filesystem;

std::vector<std::string> LakeArgs(const fs::path& lake, std::vector<std::string> rest) {
  std::vector<std::string> args = {"--lake", lake.string(), "--no-progress"};
  args.insert(args.end(), rest.begin(), rest.end());
  return args;
}

void WriteNextDayOfApi(const fs::path& export_dir, const fs::path& out, int64_t days) {
  fs::path newest;
  for (const auto& e : fs::directory_iterator(export_dir / "recently_played")) {
    if (newest.empty() || e.path().filename() > newest.filename()) newest = e.path();
  }
  const std::string text = ReadFile(newest);
  const std::regex played_at("\"played_at\" : \"([^\"]+)\"");
  std::string shifted;
  auto last = text.cbegin();
  for (std::sregex_iterator it(text.begin(), text.end(), played_at), end; it != end; ++it) {
    shifted.append(last, text.cbegin() + it->position(1));
    shifted +=
        core::FormatIsoMillis(core::ParseIsoUtcMillis(it->str(1)).value() + days * 86'400'000);
    last = text.cbegin() + it->position(1) + it->length(1);
  }
  shifted.append(last, text.cend());
  WriteFile(out, shifted);
}

}  // namespace uw::testing
