// Normalising a revision's source before hashing it.
#include "migrate/script/source_checksum.hpp"

#include "migrate/script/sha256.hpp"

namespace migrate::script {

std::string normalised_source(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t line_start = 0;  // where the current line begins in `out`
  auto end_line = [&] {
    std::size_t keep = out.size();
    while (keep > line_start && (out[keep - 1] == ' ' || out[keep - 1] == '\t')) --keep;
    out.resize(keep);
    out += '\n';
    line_start = out.size();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_line();
    } else if (c == '\n') {
      end_line();
    } else {
      out += c;
    }
  }
  if (out.size() > line_start) end_line();  // a last line without its newline
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  if (out == "\n") out.clear();
  return out;
}

std::string source_checksum(std::string_view text) { return sha256_hex(normalised_source(text)); }

}  // namespace migrate::script
