// A libpqxx connection opened the way every run needs it: redacted errors, NOTICEs to
// the log, no silent reconnection (which would drop the session's advisory lock).
#pragma once
#include <memory>
#include <string>


namespace pqxx {
class connection_base;
}

namespace migrate::db {

// The application_name every later connect() gives the server, unless the URL sets its own
// (libpq's fallback_application_name): "migrate 0.1.0 upgrade". The CLI sets it once.
void set_application_name(std::string name);

// What a failed connect() of `url` adds to libpq's message: where the URL came from
// ("--url", "DATABASE_URL", "url in /p/migrate.ini [migrate]") and what to try (the ini's
// connect_hint; empty: nothing). The run sets it once it knows its URL; other URLs (a scratch
// database's) get libpq's message alone.
void set_url_origin(std::string url, std::string origin, std::string hint);

// Opens `url` (a libpq URL or conninfo); throws DatabaseError with libpq's message,
// secrets redacted. Shared, so that the concrete type's destructor runs (pqxx::connection
// has no virtual destructor).
std::shared_ptr<pqxx::connection_base> connect(const std::string& url);

// The first line of a server error, without libpq's "ERROR:  " prefix, redacted.
std::string server_message(const std::exception& e);

// `url` (a libpq URL or conninfo) with its database replaced by `dbname`, every other
// parameter (host, user, password, sslmode, ...) kept: the same server, another database.
// A key=value conninfo, so no parameter needs URL escaping. ConfigError when libpq cannot
// parse `url` (its message, redacted).
std::string with_database(const std::string& url, const std::string& dbname);

// "host:port/dbname" of a connection, for messages (never the password).
std::string describe(pqxx::connection_base& c);

}  // namespace migrate::db
