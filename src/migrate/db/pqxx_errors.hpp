// libpqxx's exceptions as ours, with the reason the runner needs to say where the database
// stays. For db/ sources only: nothing above db/ sees a libpqxx type.
#pragma once
#include <string>

#include <pqxx/pqxx>

#include <migrate/error.hpp>

#include "migrate/config/secrets.hpp"
#include "migrate/db/connection.hpp"
#include "migrate/db/interrupt.hpp"

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
    // After a signal, a failure is our own cancel request (57014) ending the statement.
    throw_if_interrupted("(the running statement was cancelled)");
    auto reason = e.sqlstate() == "55P03" ? DatabaseError::Reason::LockNotAvailable : DatabaseError::Reason::Statement;
    DatabaseError error(prefixed(e), reason, config::redact_secrets(e.query()));
    error.set_detail(config::redact_secrets(e.what()));
    throw error;
  } catch (const pqxx::usage_error& e) {
    // A libpqxx usage error is ours, not the server's.
    throw Error(ErrorKind::Internal, what + ": " + e.what());
  }
}

}  // namespace migrate::db
