// Keeping passwords out of every output: URLs are masked, known secrets are redacted.
#pragma once
#include <string>

namespace migrate::config {

// Remembers a secret (a password) so that redact() removes it wherever it appears.
void remember_secret(const std::string& secret);

// Masks the password of any URL (`scheme://user:***@host`), any `password=...` keyword,
// and every remembered secret. Every line the program prints passes through here.
std::string redact(std::string text);

// The password a URL or conninfo string carries, percent-decoded ("" if none).
std::string password_of(const std::string& url);

// libpq understands postgresql:// and postgres://; SQLAlchemy adds a driver
// (postgresql+psycopg2://), which libpq rejects: drop it.
std::string libpq_url(const std::string& url);

}  // namespace migrate::config
