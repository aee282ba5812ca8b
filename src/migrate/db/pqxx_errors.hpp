// libpqxx's exceptions as ours, with the reason the runner needs to say where the database
// stays. For db/ sources only: nothing above db/ sees a libpqxx type.
#pragma once
#include <string>

#include <pqxx/pqxx>

#include <migrate/error.hpp>

#include "migrate/config/secrets.hpp"
#include "migrate/db/connection.hpp"

namespace migrate::db {

// Runs `fn`; a libpqxx failure becomes DatabaseError "<what>: <server message>" (`what`
// empty: the server message alone) with its reason, and for a refused statement the SQL.
template <class Fn>
auto translate_errors(const std::string& what, Fn&& fn) {
  auto prefixed = [&](const std::exception& e) {
    return what.empty() ? server_message(e) : what + ": " + server_message(e);
  };
  try {
    return fn();
  } catch (const pqxx::in_doubt_error& e) {
    throw DatabaseError(prefixed(e), DatabaseError::Reason::InDoubt);
  } catch (const pqxx::broken_connection& e) {
    throw DatabaseError(prefixed(e), DatabaseError::Reason::ConnectionLost);
  } catch (const pqxx::sql_error& e) {
    DatabaseError error(prefixed(e), DatabaseError::Reason::Statement, config::redact_secrets(e.query()));
    error.set_detail(config::redact_secrets(e.what()));
    throw error;
  } catch (const pqxx::usage_error& e) {
    // A libpqxx usage error is ours, not the server's.
    throw Error(ErrorKind::Internal, what + ": " + e.what());
  }
}

}  // namespace migrate::db
