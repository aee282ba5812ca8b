// Fuzzes URL parsing in config/secrets: password_of (what remember_secret learns from the
// configured URL) and libpq_url (SQLAlchemy's driver dropped). A wrong password_of means a
// password printed unmasked later. Properties: on any text libpq_url changes nothing but a
// leading `postgres[ql]+driver` and is idempotent; on a URL or conninfo string built from
// fuzzed parts (user, password of any bytes, host, database; percent-encoded or raw, quoted or
// not), password_of gives back exactly the password, libpq_url keeps it, and redact() gives
// exactly the same string with the password replaced by ***.
#include <fuzzer/FuzzedDataProvider.h>

#include <cctype>
#include <cstdint>
#include <string>

#include "fuzz_check.hpp"
#include "migrate/config/secrets.hpp"

namespace config = migrate::config;

namespace {

// Each byte mapped into `alphabet`, so the fuzzer still controls length and content.
std::string within(const std::string& raw, std::string_view alphabet) {
  std::string out;
  for (unsigned char c : raw) out += alphabet[c % alphabet.size()];
  return out;
}

std::string percent_encode(const std::string& s) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') out += static_cast<char>(c);
    else out += {'%', hex[c >> 4], hex[c & 15]};
  }
  return out;
}

bool has_space(const std::string& s) {
  for (unsigned char c : s)
    if (std::isspace(c)) return true;
  return false;
}

// The prefix libpq_url must drop, if `text` starts with one: "postgresql+psycopg2" -> 11.
size_t driver_scheme(const std::string& text, size_t& driver_end) {
  for (std::string scheme : {"postgresql+", "postgres+"}) {
    if (text.rfind(scheme, 0) != 0) continue;
    size_t i = scheme.size();
    while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_')) ++i;
    if (i > scheme.size() && text.compare(i, 3, "://") == 0) {
      driver_end = i;
      return scheme.size() - 1;
    }
  }
  return 0;
}

void check_libpq_url(const std::string& text) {
  const std::string once = config::libpq_url(text);
  size_t driver_end = 0;
  if (size_t keep = driver_scheme(text, driver_end))
    FUZZ_CHECK(once == text.substr(0, keep) + text.substr(driver_end), "driver not dropped exactly from " + fuzz::show(text));
  else
    FUZZ_CHECK(once == text, "libpq_url changed " + fuzz::show(text) + " into " + fuzz::show(once));
  FUZZ_CHECK(config::libpq_url(once) == once, "libpq_url not idempotent on " + fuzz::show(text));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  check_libpq_url(std::string(reinterpret_cast<const char*>(data), size));
  (void)config::password_of(std::string(reinterpret_cast<const char*>(data), size));

  FuzzedDataProvider in(data, size);
  static const char* schemes[] = {"postgresql", "postgres", "postgresql+psycopg2", "postgres+asyncpg", "redis"};
  const int form = in.ConsumeIntegralInRange(0, 3);
  std::string scheme = schemes[in.ConsumeIntegralInRange(0, 4)];
  const std::string user = within(in.ConsumeRandomLengthString(24), "abcdefghijklmnopqrstuvwxyz0123456789_.-");
  const std::string host = within(in.ConsumeRandomLengthString(24), "abcdefghijklmnopqrstuvwxyz0123456789.-");
  const std::string db = within(in.ConsumeRandomLengthString(16), "abcdefghijklmnopqrstuvwxyz0123456789_");
  const std::string password = in.ConsumeRemainingBytesAsString();
  if (password.empty()) return 0;

  std::string text, masked;
  switch (form) {
    case 0:  // percent-encoded, as a URL should be
      text = scheme + "://" + user + ":" + percent_encode(password) + "@" + host + "/" + db;
      masked = scheme + "://" + user + ":***@" + host + "/" + db;
      break;
    case 1:  // raw: '@', '/' and ':' may stand in it, the last '@' of the token ends it
      if (has_space(password) || password.find('%') != std::string::npos) return 0;
      text = scheme + "://" + user + ":" + password + "@" + host + "/" + db;
      masked = scheme + "://" + user + ":***@" + host + "/" + db;
      break;
    case 2:  // conninfo, unquoted
      if (has_space(password) || password.front() == '\'' || password.find("://") != std::string::npos) return 0;
      text = "host=" + host + " user=" + user + " password=" + password + " dbname=" + db;
      masked = "host=" + host + " user=" + user + " password=*** dbname=" + db;
      break;
    default:  // conninfo, quoted: spaces allowed, no quote or backslash to escape
      if (password.find_first_of("'\\") != std::string::npos || password.find("://") != std::string::npos) return 0;
      text = "host=" + host + " user=" + user + " password='" + password + "' dbname=" + db;
      masked = "host=" + host + " user=" + user + " password=*** dbname=" + db;
      break;
  }
  const std::string found = config::password_of(text);
  FUZZ_CHECK(found == password, "password_of(" + fuzz::show(text) + ") gave " + fuzz::show(found));
  FUZZ_CHECK(config::password_of(config::libpq_url(text)) == password, "libpq_url lost the password of " + fuzz::show(text));
  const std::string redacted = config::redact(text);
  FUZZ_CHECK(redacted == masked, "redact(" + fuzz::show(text) + ") gave " + fuzz::show(redacted));
  return 0;
}
