#include "generator/play.h"

namespace uw::generator {

std::string_view ReasonJson(Reason r) {
  static constexpr std::string_view kJson[] = {"null",
                                               "\"\"",
                                               "\"trackdone\"",
                                               "\"clickrow\"",
                                               "\"fwdbtn\"",
                                               "\"backbtn\"",
                                               "\"playbtn\"",
                                               "\"appload\"",
                                               "\"remote\"",
                                               "\"trackerror\"",
                                               "\"unknown\"",
                                               "\"endplay\"",
                                               "\"logout\"",
                                               "\"unexpected-exit\"",
                                               "\"unexpected-exit-while-paused\"",
                                               "\"clickside\"",
                                               "\"popup\"",
                                               "\"uriopen\""};
  return kJson[static_cast<size_t>(r)];
}

}  // namespace uw::generator
