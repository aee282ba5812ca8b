// Keeping passwords out of every output: URLs are masked, known secrets are redacted.
#pragma once
#include <string>

namespace migrate::config {

// Remembers a secret (a password) so that redact() removes it wherever it appears.
void remember_secret(const std::string& secret);

// Masks the password of any URL (`scheme://user:***@host`) and any `password=...`
// keyword. Every line the program prints passes through here.
std::string redact(std::string text);

// redact(), and also every remembered secret wherever it stands: for text that comes from
// libpq or the server, which may quote a malformed connection string back in any shape.
// Our own text never holds a bare password, and a short common password ("migrate")
// would otherwise mangle ordinary words.
std::string redact_secrets(std::string text);

// The password a URL or conninfo string carries, percent-decoded ("" if none).
std::string password_of(const std::string& url);

// libpq understands postgresql:// and postgres://; SQLAlchemy adds a driver
// (postgresql+psycopg2://), which libpq rejects: drop it.
std::string libpq_url(const std::string& url);

}  // namespace migrate::config
