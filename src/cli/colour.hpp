// Colour on a terminal, decided once per run for stdout and stderr, in one place.
#pragma once
#include <string>

namespace migrate::cli::colour {

enum class Style { Red, Yellow, Green };

// `mode` is --color: always, never, or auto: off when NO_COLOR is set, on when
// CLICOLOR_FORCE is (for pagers and tests), else on for a stream that is a terminal.
void setup(const std::string& mode);

// `text` wrapped in the style's escape codes when that stream has colour, else as is.
std::string out(Style style, const std::string& text);
std::string err(Style style, const std::string& text);

}  // namespace migrate::cli::colour
