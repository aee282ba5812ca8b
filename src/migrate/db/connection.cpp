// Opening connections and turning libpq's errors into one redacted line.
#include "migrate/db/connection.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <pqxx/pqxx>

#include <libpq-fe.h>

#include <optional>

#include <migrate/error.hpp>

#include "migrate/config/secrets.hpp"
#include "migrate/db/cancel_handle.hpp"

namespace migrate::db {

namespace {

// libpqxx drops server NOTICEs unless a handler is installed; a user wants to see them
// ("relation already exists, skipping"). They go to the log with progress, so -q and
// log_level apply to them too.
class NoticeToLog final : public pqxx::errorhandler {
 public:
  explicit NoticeToLog(pqxx::connection_base& c) : pqxx::errorhandler(c) {}
  bool operator()(const char msg[]) noexcept override {
    std::string text = config::redact_secrets(msg);
    while (!text.empty() && text.back() == '\n') text.pop_back();
    spdlog::info("{}", text);
    return true;
  }
};

// libpqxx 6.4 hands out the PGconn only to its large objects (a protected static).
struct RawConnection : pqxx::largeobject {
  static PGconn* of(const pqxx::dbtransaction& tx) { return raw_connection(tx); }
};

PGconn* pq_connection_of(pqxx::connection_base& c) {
  pqxx::read_transaction tx(c);
  return RawConnection::of(tx);
}

struct Connection final : pqxx::connection {
  explicit Connection(const std::string& url)
      : pqxx::connection(url), notices(*this), cancel(pq_connection_of(*this)) {}
  NoticeToLog notices;
  CancelHandle cancel;  // a signal cancels what this connection runs
};

std::string& application_name() {
  static std::string name;
  return name;
}

struct UrlOrigin {
  std::string url, origin, hint;
};
UrlOrigin& url_origin() {
  static UrlOrigin origin;
  return origin;
}

std::string quoted(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

// `url` as key=value conninfo with `key` set to `value`, every other parameter kept (no
// parameter then needs URL escaping); nullopt with libpq's message when it cannot parse it.
std::optional<std::string> with_parameter(const std::string& url, const std::string& key, const std::string& value,
                                          std::string* error_message) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (!options) {
    std::string message = error ? error : "out of memory";
    PQfreemem(error);
    while (!message.empty() && message.back() == '\n') message.pop_back();
    if (error_message) *error_message = message;
    return std::nullopt;
  }
  std::string conninfo = key + "=" + quoted(value);
  for (auto* o = options; o->keyword; ++o)
    if (o->val && key != o->keyword) conninfo += fmt::format(" {}={}", o->keyword, quoted(o->val));
  PQconninfoFree(options);
  return conninfo;
}

}  // namespace

void set_application_name(std::string name) { application_name() = std::move(name); }

void set_url_origin(std::string url, std::string origin, std::string hint) {
  url_origin() = {std::move(url), std::move(origin), std::move(hint)};
}

std::string server_message(const std::exception& e) {
  std::string text = e.what();
  auto nl = text.find('\n');
  if (nl != std::string::npos) text = text.substr(0, nl);
  for (const char* prefix : {"ERROR:  ", "FATAL:  ", "ERROR: ", "FATAL: "})
    if (text.rfind(prefix, 0) == 0) text = text.substr(std::string(prefix).size());
  return config::redact_secrets(text);
}

std::shared_ptr<pqxx::connection_base> connect(const std::string& url) {
  if (url.empty())
    throw ConfigError("no database URL: set `url` in the ini, DATABASE_URL, or --url");
  // A URL libpq cannot parse is opened as given, so its error reads as any failed connect.
  std::string conninfo = url;
  if (!application_name().empty())
    conninfo = with_parameter(url, "fallback_application_name", application_name(), nullptr).value_or(url);
  try {
    auto c = std::make_shared<Connection>(conninfo);
    // Deprecated in libpqxx 6.4, but the only way to stop a silent reconnect that would
    // drop the session's advisory lock (libpqxx 7 removes reactivation altogether).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    c->inhibit_reactivation(true);
#pragma GCC diagnostic pop
    return c;
  } catch (const std::exception& e) {
    // The run's own URL is named with where it came from, masked by the same scan that
    // found its password when it was read (not redact_secrets: a password that is also the
    // user name, migrate:migrate, would mask the user too). Any other URL is left to libpq's
    // message, which names the host and port: it may hold a password in any shape.
    const auto& known = url_origin();
    if (known.url.empty() || known.url != url) throw DatabaseError("cannot connect: " + server_message(e));
    throw DatabaseError(fmt::format("cannot connect to {} (from {}): {}{}", config::redact(url), known.origin,
                                    server_message(e), known.hint.empty() ? "" : "; " + known.hint));
  }
}

std::string with_database(const std::string& url, const std::string& dbname) {
  std::string message;
  if (auto conninfo = with_parameter(url, "dbname", dbname, &message)) return *conninfo;
  throw ConfigError("cannot read the database URL: " + config::redact_secrets(message));
}

std::string describe(pqxx::connection_base& c) {
  std::string host = c.hostname() ? c.hostname() : "local";
  std::string port = c.port() ? c.port() : "";
  return fmt::format("{}:{}/{}", host, port, c.dbname() ? c.dbname() : "");
}

}  // namespace migrate::db
