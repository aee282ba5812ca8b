// The signal handler and the cancel handles it may use. PQcancel is documented as safe in a
// signal handler; the handles are made beforehand (PQgetCancel allocates) and published in
// atomic slots, so the handler only reads them.
#include "migrate/db/interrupt.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <array>
#include <atomic>
#include <csignal>
#include <mutex>
#include <string>
#include <unistd.h>

#include <migrate/error.hpp>

#include "migrate/db/cancel_handle.hpp"

namespace migrate::db {

namespace {

std::atomic<int> received{0};
std::atomic<bool> aborted{false};
std::mutex abort_mutex;
std::string abort_reason;
// A run holds one connection, check and --from-revisions two or three.
std::array<std::atomic<PGcancel*>, 8> handles{};

bool cancel_all() {
  bool cancelled = false;
  for (auto& slot : handles) {
    if (PGcancel* handle = slot.load()) {
      char error[256];
      PQcancel(handle, error, sizeof error);
      cancelled = true;
    }
  }
  return cancelled;
}

void on_signal(int sig) {
  if (received.exchange(sig) != 0) _exit(128 + sig);  // the second signal: at once
  if (!cancel_all()) {
    // Nothing to cancel: die of the signal as the default action would.
    std::signal(sig, SIG_DFL);
    std::raise(sig);
  }
}

}  // namespace

void handle_interrupts() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // libpq's waits resume; the cancel ends the statement
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaction(sig, &action, nullptr);
}

int interrupt_signal() { return received.load(); }

void throw_if_interrupted(const char* where) {
  if (int sig = received.load()) throw InterruptedError(sig, fmt::format("interrupted by {} {}", signal_name(sig), where));
  if (aborted.load()) {
    std::lock_guard guard(abort_mutex);
    throw DatabaseError(abort_reason);
  }
}

void abort_run(const std::string& why) {
  {
    std::lock_guard guard(abort_mutex);
    abort_reason = why;
  }
  aborted = true;
  cancel_all();
}

CancelHandle::CancelHandle(PGconn* connection) {
  PGcancel* handle = PQgetCancel(connection);
  if (!handle) return;
  for (auto& slot : handles) {
    PGcancel* empty = nullptr;
    if (slot.compare_exchange_strong(empty, handle)) {
      slot_ = &slot;
      return;
    }
  }
  PQfreeCancel(handle);  // more connections than slots: this one is not cancelled, only rolled back
}

CancelHandle::~CancelHandle() {
  if (!slot_) return;
  auto* slot = static_cast<std::atomic<PGcancel*>*>(slot_);
  PQfreeCancel(slot->exchange(nullptr));
}

}  // namespace migrate::db
