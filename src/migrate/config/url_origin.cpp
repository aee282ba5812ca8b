// Naming the URL's origin and refusing URLs of other databases before libpq reads them.
#include "migrate/config/url_origin.hpp"

#include <fmt/format.h>

#include <cctype>

#include <migrate/error.hpp>

namespace migrate::config {

namespace {

// The scheme before "://", lower case, or "" when the text does not start with one.
std::string scheme_of(const std::string& url) {
  std::size_t sep = url.find("://");
  if (sep == std::string::npos || sep == 0 || !std::isalpha(static_cast<unsigned char>(url[0]))) return "";
  std::string scheme;
  for (std::size_t i = 0; i < sep; ++i) {
    unsigned char c = static_cast<unsigned char>(url[i]);
    if (!std::isalnum(c) && c != '+' && c != '.' && c != '-') return "";
    scheme += static_cast<char>(std::tolower(c));
  }
  return scheme;
}

}  // namespace

std::string describe(const UrlOrigin& origin) {
  switch (origin.kind) {
    case UrlOrigin::Kind::Flag: return "--url";
    case UrlOrigin::Kind::Environment: return "DATABASE_URL";
    case UrlOrigin::Kind::Ini: return fmt::format("{} in {} [{}]", origin.key, origin.file, origin.section);
    case UrlOrigin::Kind::Hook: return "migrations/env.cpp";
    case UrlOrigin::Kind::None: break;
  }
  return "no URL";
}

void check_url(const std::string& url, const UrlOrigin& origin) {
  const std::string scheme = scheme_of(url);
  if (scheme.empty()) return;
  const std::string base = scheme.substr(0, scheme.find('+'));
  if (base == "postgresql" || base == "postgres") return;
  if (scheme == "driver")
    throw ConfigError(fmt::format("{} is still Alembic's placeholder driver://...; set it to a postgresql:// URL, "
                                  "or set DATABASE_URL",
                                  describe(origin)));
  throw ConfigError(fmt::format("the database URL ({}) has scheme '{}': migrate speaks PostgreSQL only "
                                "(postgresql://, postgres://, or postgresql+driver://)",
                                describe(origin), scheme.substr(0, 40)));
}

}  // namespace migrate::config
