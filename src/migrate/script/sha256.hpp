// SHA-256 (FIPS 180-4), small and self-contained: the project has no crypto library and
// needs one digest, for revision checksums.
#pragma once
#include <string>
#include <string_view>

namespace migrate::script {

// The digest of `data` as 64 lowercase hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace migrate::script
