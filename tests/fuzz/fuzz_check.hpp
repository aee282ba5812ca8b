// What every fuzz target shares: a property check that aborts (a crash libFuzzer keeps), and
// the rule that the engine refuses bad input only with migrate::Error.
#pragma once
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

#include <migrate/error.hpp>

namespace fuzz {

// Unlike assert(), never compiled out: the fuzz build may define NDEBUG.
[[noreturn]] inline void fail(const char* what, const char* file, int line, const std::string& detail = {}) {
  std::fprintf(stderr, "%s:%d: property broken: %s\n", file, line, what);
  if (!detail.empty()) std::fprintf(stderr, "  %s\n", detail.c_str());
  std::abort();
}

// Printable form of a value for failure messages: control bytes as \xNN, cut at 300 bytes.
inline std::string show(std::string_view s) {
  std::string out = "'";
  for (size_t i = 0; i < s.size() && i < 300; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f || c == '\\') {
      char buf[5];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  if (s.size() > 300) out += "...";
  return out + "' (" + std::to_string(s.size()) + " bytes)";
}

// Runs `body`; a migrate::Error of kind `allowed` is a refusal and fine, any other exception
// (another kind, std::out_of_range from a substr, ...) is a bug. Returns whether it succeeded.
template <class Body>
bool refuses_only_with(migrate::ErrorKind allowed, Body&& body) {
  try {
    body();
    return true;
  } catch (const migrate::Error& e) {
    if (e.kind() != allowed)
      fail("refused with the wrong kind of migrate::Error", __FILE__, __LINE__,
           std::string(migrate::kind_name(e.kind())) + ": " + e.what());
    return false;
  } catch (const std::exception& e) {
    fail("an exception that is not a migrate::Error", __FILE__, __LINE__, e.what());
  } catch (...) {
    fail("an exception that is not a std::exception", __FILE__, __LINE__);
  }
}

}  // namespace fuzz

#define FUZZ_CHECK(cond, detail) \
  do {                                                  \
    if (!(cond)) ::fuzz::fail(#cond, __FILE__, __LINE__, (detail)); \
  } while (0)
