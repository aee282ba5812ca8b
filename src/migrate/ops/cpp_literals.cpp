// C++ spellings of strings and string lists, for the source that autogenerate writes.
#include <fmt/format.h>

#include "migrate/ops/render_cpp.hpp"

namespace migrate::ops {

std::string cpp_string(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        // Octal escapes stop after three digits, unlike \x, so a following digit stays a digit.
        if (c < 0x20 || c == 0x7f) out += fmt::format("\\{:03o}", c);
        else out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string cpp_strings(const std::vector<std::string>& texts) {
  std::string out = "{";
  for (size_t i = 0; i < texts.size(); ++i) out += (i ? ", " : "") + cpp_string(texts[i]);
  return out + "}";
}

}  // namespace migrate::ops
