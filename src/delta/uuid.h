// Random (version 4) UUIDs for Delta table ids, data file names and commit txn ids.
// Thread safe.
#pragma once

#include <string>

namespace uw::delta {

// "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", lower-case hex, 122 random bits.
std::string RandomUuid();

}  // namespace uw::delta
