// The tool's version, from the project() line of the top CMakeLists.txt: one place for it.
#pragma once

namespace migrate {

const char* tool_version();  // "0.1.0"

}  // namespace migrate
