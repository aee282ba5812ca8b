// Shortening statements for messages; the whole statement is --raiseerr's detail.
#include "migrate/runtime/statement_summary.hpp"

#include <algorithm>
#include <cctype>

namespace migrate::runtime {

namespace {

// Where the word "password" starts, in any case (npos if nowhere).
std::size_t find_password(const std::string& text) {
  std::string lower(text.size(), ' ');
  std::transform(text.begin(), text.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.find("password");
}

}  // namespace

std::string statement_summary(const std::string& sql, std::size_t width) {
  const char* blanks = " \t\r\n";
  std::size_t begin = sql.find_first_not_of(blanks);
  if (begin == std::string::npos) return "";
  std::size_t end = sql.find('\n', begin);
  std::string line = sql.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
  bool more = end != std::string::npos && sql.find_first_not_of(blanks, end) != std::string::npos;
  // `CREATE ROLE app PASSWORD 'x'`: a one-line error lands in CI logs, so a password never
  // reaches it (redact() knows `password=...`, not SQL's PASSWORD '...').
  if (std::size_t at = find_password(line); at != std::string::npos) {
    line.erase(at);
    more = true;
  }
  line.erase(line.find_last_not_of(blanks) + 1);
  if (line.size() > width - 4) {
    std::size_t cut = width - 4;
    // Never half a UTF-8 character: back off over continuation bytes.
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    line.erase(cut);
    line.erase(line.find_last_not_of(blanks) + 1);
    more = true;
  }
  if (!more) return line;
  return line.empty() ? "..." : line + " ...";
}

std::string statement_in_error(const std::string& sql) {
  const std::string summary = statement_summary(sql);
  if (summary.empty()) return "";
  const char* blanks = " \t\r\n";
  const std::size_t first = sql.find_first_not_of(blanks), last = sql.find_last_not_of(blanks);
  if (summary == sql.substr(first, last + 1 - first)) return " (statement: " + summary + ")";
  return " (statement: " + summary + "; --raiseerr shows it whole)";
}

}  // namespace migrate::runtime
