// What the build-time tools share: reading a source, its key (the path below the project's
// root, as a compiled revision's __FILE__), and C++ string literals that any bytes survive.
#pragma once
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace migrate::tools {

// The file's bytes, or nullopt when it cannot be read.
inline std::optional<std::string> read_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The key is what __FILE__ holds under -fmacro-prefix-map=<root>/=: the path below root.
inline std::string source_key(const std::filesystem::path& root, const std::filesystem::path& file) {
  return std::filesystem::absolute(file).lexically_normal().lexically_relative(root).generic_string();
}

// A C++ string literal of exactly `bytes`: printable ASCII as is, every other byte as a
// three-digit octal escape (never read together with a following digit), so no text (a
// quote, a line ending, a bidi control g++ would warn about) can change the generated code.
// A newline also closes the literal and starts the next on its own line, for a readable file.
inline std::string cpp_literal(const std::string& bytes, const char* indent = "    ") {
  std::string out = "\"";
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c == '\n') {
      out += "\\n\"";
      if (i + 1 < bytes.size()) out += std::string("\n") + indent + "\"";
      else return out;
      continue;
    }
    if (c == '"' || c == '\\' || c == '?') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    } else {
      char escaped[5];
      std::snprintf(escaped, sizeof escaped, "\\%03o", c);
      out += escaped;
    }
  }
  return out + '"';
}

}  // namespace migrate::tools
