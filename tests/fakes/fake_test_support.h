// Helpers for the fake's own tests: an httplib client aimed at a FakeSpotify, parsed JSON that
// owns its parser, and catalogue specs built from names. Test-only; not part of uw_fakes.
#pragma once

#include <httplib.h>
#include <simdjson.h>

#include <stdexcept>
#include <string>

#include "fakes/fake_spotify.h"

namespace uw::fakes::test {

struct Reply {
  int status = 0;  // 0 = no HTTP response (timeout, dropped connection)
  std::string body;
  httplib::Headers headers;
  std::string Header(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

inline Reply ToReply(const httplib::Result& result) {
  Reply reply;
  if (!result) return reply;
  reply.status = result->status;
  reply.body = result->body;
  reply.headers = result->headers;
  return reply;
}

inline Reply Get(const FakeSpotify& fake, const std::string& target, const std::string& token = "",
                 int timeout_ms = 10000) {
  httplib::Client client("127.0.0.1", fake.port());
  client.set_read_timeout(std::chrono::milliseconds(timeout_ms));
  httplib::Headers headers;
  if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
  return ToReply(client.Get(target, headers));
}

inline Reply PostForm(const FakeSpotify& fake, const std::string& path, const httplib::Params& form,
                      const std::string& authorization = "") {
  httplib::Client client("127.0.0.1", fake.port());
  httplib::Headers headers;
  if (!authorization.empty()) headers.emplace("Authorization", authorization);
  return ToReply(client.Post(path, headers, form));
}

// A parsed JSON document; throws std::runtime_error when the text is not JSON.
class Doc {
 public:
  explicit Doc(const std::string& json) : text_(json) {
    if (parser_.parse(text_).get(root_) != simdjson::SUCCESS) throw std::runtime_error("not JSON: " + json);
  }
  Doc(const Doc&) = delete;
  Doc& operator=(const Doc&) = delete;
  simdjson::dom::element root() const { return root_; }
  simdjson::dom::element operator[](std::string_view key) const { return root_[key].value(); }

 private:
  simdjson::padded_string text_;
  simdjson::dom::parser parser_;
  simdjson::dom::element root_;
};

inline std::string Str(simdjson::dom::element e) { return std::string(std::string_view(e.get_string().value())); }

// A track named `name` by `artist` on `album`, with ids derived from the names.
inline TrackSpec MakeTrack(const std::string& name, const std::string& artist, const std::string& album = "Album") {
  TrackSpec track;
  track.id = FakeId("track:" + artist + ":" + name);
  track.name = name;
  track.artists = {ArtistRef{FakeId("artist:" + artist), artist}};
  track.album.id = FakeId("album:" + artist + ":" + album);
  track.album.name = album;
  track.album.artists = track.artists;
  track.isrc = "QZ" + FakeId("isrc:" + name).substr(0, 10);
  return track;
}

}  // namespace uw::fakes::test
