// Fuzzes password masking (config::redact, redact_secrets): every line migrate prints, and
// every server or libpq message, goes through it, so it must never leak and never mangle.
// Properties on any text: redact is idempotent (what it leaves holds nothing more to mask);
// the first URL or conninfo password it leaves is "***"; it changes nothing in text with no
// "://" and no "password"; it grows the text by at most 2 bytes per mask, and each mask needs
// at least 6 bytes of its own ("a://:x@", "password=x"); redact_secrets leaves no remembered
// secret, plain or percent-encoded, and is idempotent too.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>

#include "fuzz_check.hpp"
#include "migrate/config/secrets.hpp"

namespace config = migrate::config;

namespace {

// A secret with bytes that percent-encoding changes, and one that it leaves alone.
const std::string secret_spaced = "pa ss@w/rd";
const std::string secret_spaced_encoded = "pa%20ss%40w%2Frd";
const std::string secret_plain = "hunter2-db";

bool mentions_a_password(const std::string& text) {
  if (text.find("://") != std::string::npos) return true;
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return lower.find("password") != std::string::npos;
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  config::remember_secret(secret_spaced);
  config::remember_secret(secret_plain);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);

  const std::string once = config::redact(text);
  const std::string twice = config::redact(once);
  FUZZ_CHECK(twice == once, "redact not idempotent: " + fuzz::show(text) + " -> " + fuzz::show(once) + " -> " + fuzz::show(twice));
  const std::string left = config::password_of(once);
  FUZZ_CHECK(left.empty() || left == "***", "password " + fuzz::show(left) + " left in " + fuzz::show(once));
  if (!mentions_a_password(text)) FUZZ_CHECK(once == text, "redact changed " + fuzz::show(text) + " into " + fuzz::show(once));
  FUZZ_CHECK(once.size() <= text.size() + 2 * (text.size() / 6 + 1),
             "redact grew " + fuzz::show(text) + " into " + fuzz::show(once));
  FUZZ_CHECK(once.size() <= text.size() + 2 * count(once, "***"), "redact grew " + fuzz::show(text) + " beyond its masks");

  const std::string hidden = config::redact_secrets(text);
  for (const auto& s : {secret_spaced, secret_spaced_encoded, secret_plain})
    FUZZ_CHECK(hidden.find(s) == std::string::npos, "secret " + s + " left in " + fuzz::show(hidden));
  FUZZ_CHECK(config::redact_secrets(hidden) == hidden, "redact_secrets not idempotent on " + fuzz::show(text));
  return 0;
}
