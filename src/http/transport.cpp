#include "http/transport.h"

namespace uw::http {

// Out of line so the vtable has one home.
Transport::~Transport() = default;

}  // namespace uw::http
