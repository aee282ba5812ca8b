// Reading a revision source and refusing what is not UTF-8 text.
#include "migrate/script/text_file.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iterator>

#include <migrate/error.hpp>

namespace migrate::script {

std::optional<TextProblem> text_problem(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = s[i];
    if (c == 0) return TextProblem{i, "a NUL byte"};
    if (c < 0x80) {
      ++i;
      continue;
    }
    // The length of the sequence and the range its second byte must fall in (RFC 3629).
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) len = 3, lo = 0xA0;
    else if (c >= 0xE1 && c <= 0xEC) len = 3;
    else if (c == 0xED) len = 3, hi = 0x9F;  // no surrogates
    else if (c >= 0xEE && c <= 0xEF) len = 3;
    else if (c == 0xF0) len = 4, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else if (c == 0xF4) len = 4, hi = 0x8F;  // nothing past U+10FFFF
    else return TextProblem{i, "invalid UTF-8"};
    if (i + len > n || s[i + 1] < lo || s[i + 1] > hi) return TextProblem{i, "invalid UTF-8"};
    for (std::size_t k = 2; k < len; ++k)
      if (s[i + k] < 0x80 || s[i + k] > 0xBF) return TextProblem{i, "invalid UTF-8"};
    i += len;
  }
  return std::nullopt;
}

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw RevisionError(fmt::format("{}: cannot read revision file", path));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw RevisionError(fmt::format("{}: cannot read revision file", path));
  require_text(bytes, path);
  return bytes;
}

void require_text(std::string_view bytes, const std::string& path) {
  if (auto problem = text_problem(bytes))
    throw RevisionError(fmt::format("{}: byte {}: {}: not a text file", path, problem->offset, problem->what));
}

}  // namespace migrate::script
