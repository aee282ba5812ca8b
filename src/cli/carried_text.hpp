// `migrate --version -v`: what the binary carries, as text or as one JSON document.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "migrate/script/carried.hpp"

namespace migrate::cli {

// "migrate 0.1.0\nrevisions: 5 compiled, 2 embedded\nhead: f4a0b3d7e1c8 create archive tables\nbuild: 3f9a1c2b7d4e\n"
std::string carried_text(const script::Carried& carried);
nlohmann::json carried_json(const script::Carried& carried);

}  // namespace migrate::cli
