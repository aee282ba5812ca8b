// Colour decisions: --color, NO_COLOR (no-color.org), CLICOLOR_FORCE, isatty.
#include "cli/colour.hpp"

#include <unistd.h>

#include <cstdlib>

namespace migrate::cli::colour {

namespace {

bool stdout_on = false;
bool stderr_on = false;

// NO_COLOR counts when set to anything; CLICOLOR_FORCE=0 means no.
bool non_empty(const char* name) {
  const char* v = std::getenv(name);
  return v && *v;
}

bool wanted(const std::string& mode, int fd) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  if (non_empty("NO_COLOR")) return false;
  if (non_empty("CLICOLOR_FORCE") && std::string(std::getenv("CLICOLOR_FORCE")) != "0") return true;
  return isatty(fd) != 0;
}

std::string paint(bool on, Style style, const std::string& text) {
  if (!on || text.empty()) return text;
  const char* code = style == Style::Red ? "\033[31m" : style == Style::Yellow ? "\033[33m" : "\033[32m";
  return code + text + "\033[0m";
}

}  // namespace

void setup(const std::string& mode) {
  stdout_on = wanted(mode, STDOUT_FILENO);
  stderr_on = wanted(mode, STDERR_FILENO);
}

std::string out(Style style, const std::string& text) { return paint(stdout_on, style, text); }
std::string err(Style style, const std::string& text) { return paint(stderr_on, style, text); }

}  // namespace migrate::cli::colour
