// Revision sources are text. A NUL byte would silently end the text for every C API below us
// (libpg_query, libpq), and bytes that are not UTF-8 would reach the server as garbage: such
// a file is refused, naming the byte, before anything runs.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace migrate::script {

struct TextProblem {
  std::size_t offset;  // of the first offending byte, from 0
  std::string what;    // "a NUL byte", "invalid UTF-8"
};

// The first reason `bytes` is not UTF-8 text without NUL bytes (overlong forms, surrogates
// and code points past U+10FFFF are invalid, as the server holds them).
std::optional<TextProblem> text_problem(std::string_view bytes);

// The file's bytes; RevisionError "<path>: byte <offset>: <what>: not a text file" or
// "<path>: cannot read revision file".
std::string read_text_file(const std::string& path);

// Throws that RevisionError when text_problem(bytes) finds one; `path` only names the file.
void require_text(std::string_view bytes, const std::string& path);

}  // namespace migrate::script
