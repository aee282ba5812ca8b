// The engine's one exception hierarchy; the CLI maps each kind to a documented exit code.
#pragma once
#include <stdexcept>
#include <string>

namespace migrate {

enum class ErrorKind { Usage, Config, Revision, Database, Lock, Drift, Unproven, Interrupted, Changed, Internal };

// Exit codes are part of the CLI contract (README, "Exit codes").
constexpr int exit_code(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::Drift: return 1;
    case ErrorKind::Usage: return 2;
    case ErrorKind::Config: return 3;
    case ErrorKind::Revision: return 4;
    case ErrorKind::Database: return 5;
    case ErrorKind::Lock: return 6;
    case ErrorKind::Unproven: return 7;
    case ErrorKind::Interrupted: return 130;  // 128 + the signal: 130 SIGINT, 143 SIGTERM, 129 SIGHUP
    case ErrorKind::Changed: return 8;
    case ErrorKind::Internal: return 70;
  }
  return 70;
}

constexpr const char* kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::Usage: return "usage";
    case ErrorKind::Config: return "config";
    case ErrorKind::Revision: return "revision";
    case ErrorKind::Database: return "database";
    case ErrorKind::Lock: return "lock";
    case ErrorKind::Drift: return "drift";
    case ErrorKind::Unproven: return "unproven";
    case ErrorKind::Interrupted: return "interrupted";
    case ErrorKind::Changed: return "changed";
    case ErrorKind::Internal: return "internal";
  }
  return "internal";
}

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const noexcept { return kind_; }

  // The full story (the server's whole message, the failing statement), shown with
  // --raiseerr; the one-line message stays the default.
  const std::string& detail() const noexcept { return detail_; }
  void set_detail(std::string detail) { detail_ = std::move(detail); }

 private:
  ErrorKind kind_;
  std::string detail_;
};

struct UsageError : Error { explicit UsageError(const std::string& m) : Error(ErrorKind::Usage, m) {} };
struct ConfigError : Error { explicit ConfigError(const std::string& m) : Error(ErrorKind::Config, m) {} };
struct RevisionError : Error { explicit RevisionError(const std::string& m) : Error(ErrorKind::Revision, m) {} };
// What failed, so the runner can say where the database stays.
class DatabaseError : public Error {
 public:
  enum class Reason {
    Other,             // connecting, the lock, a query of ours
    Statement,         // the server refused a statement (statement() holds it)
    LockNotAvailable,  // a statement met lock_timeout (SQLSTATE 55P03): it may be retried
    ConnectionLost,    // the open transaction is gone, rolled back by the server
    InDoubt,           // the connection broke during COMMIT: its outcome is unknown
  };
  explicit DatabaseError(const std::string& m, Reason reason = Reason::Other, std::string statement = {})
      : Error(ErrorKind::Database, m), reason_(reason), statement_(std::move(statement)) {}
  Reason reason() const noexcept { return reason_; }
  const std::string& statement() const noexcept { return statement_; }
  // The server refused a statement, for whatever reason: the session lives on.
  bool refused_statement() const noexcept { return reason_ == Reason::Statement || reason_ == Reason::LockNotAvailable; }

 private:
  Reason reason_;
  std::string statement_;
};
struct LockError : Error { explicit LockError(const std::string& m) : Error(ErrorKind::Lock, m) {} };
// A generated plan that, applied to a scratch copy of the database, does not reach the models:
// a revision written from it would not do what it claims.
struct UnprovenError : Error { explicit UnprovenError(const std::string& m) : Error(ErrorKind::Unproven, m) {} };
// An applied revision whose source changed since it was applied, or is gone (`verify`).
struct ChangedError : Error { explicit ChangedError(const std::string& m) : Error(ErrorKind::Changed, m) {} };

// SIGINT, SIGTERM or SIGHUP stopped the work; the process exits with 128 + the signal.
class InterruptedError : public Error {
 public:
  InterruptedError(int signal, const std::string& m) : Error(ErrorKind::Interrupted, m), signal_(signal) {}
  int signal() const noexcept { return signal_; }
  int exit_code() const noexcept { return 128 + signal_; }

 private:
  int signal_;
};

constexpr const char* signal_name(int signal) {
  switch (signal) {
    case 1: return "SIGHUP";
    case 2: return "SIGINT";
    case 15: return "SIGTERM";
  }
  return "a signal";
}

}  // namespace migrate
