// The few decisions that depend on a file's name rather than its content (formats.md §1.2,
// §2.1): audio versus video (the records have the same shape), the legacy account era (whose
// music rows may hide podcasts), and the kind of an empty export "[]".
#pragma once

#include <optional>
#include <string_view>

#include "sources/spotify_export/export_kinds.h"

namespace uw::spotify_export {

// The last component of a '/'- or '\\'-separated path.
std::string_view BaseName(std::string_view path);

// "Video" anywhere in the base name, any case (Streaming_History_Video_2023.json, endvideo.json).
bool IsVideoFileName(std::string_view name);

// StreamingHistory<digits>.json: the account-data era before the music/podcast split.
bool IsLegacyAccountFileName(std::string_view name);

// The kind a well-known Spotify file name implies (used only when content cannot tell, e.g. an
// empty array); nullopt for names Spotify does not use.
std::optional<FileKind> KindFromFileName(std::string_view name);

}  // namespace uw::spotify_export
