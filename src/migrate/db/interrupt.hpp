// Ctrl-C, and a deploy tool's SIGTERM or SIGHUP, during database work: the running
// statement is cancelled on the server (libpq's cancel request, which a signal handler may
// send), the code above sees an InterruptedError where it stands, rolls back, releases the
// lock and says where the database stays. A second signal exits at once. With no
// connection open, a signal ends the process as it would without us.
#pragma once
#include <string>

namespace migrate::db {

// Installs the handlers for SIGINT, SIGTERM and SIGHUP; the CLI calls it once.
void handle_interrupts();

// The signal received, 0 if none.
int interrupt_signal();

// Throws InterruptedError "interrupted by SIGINT <where>" once a signal arrived, or
// DatabaseError(why) once abort_run(why) was called.
void throw_if_interrupted(const char* where);

// From another thread (the lease renewer of lock_mode = table): cancels the running
// statements as a signal would, and makes the run fail with `why` where it stands.
void abort_run(const std::string& why);

}  // namespace migrate::db
