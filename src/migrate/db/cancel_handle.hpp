// A connection's cancel request, published for the signal handler while the connection lives.
#pragma once
#include <libpq-fe.h>

namespace migrate::db {

class CancelHandle {
 public:
  explicit CancelHandle(PGconn* connection);
  ~CancelHandle();
  CancelHandle(const CancelHandle&) = delete;
  CancelHandle& operator=(const CancelHandle&) = delete;

 private:
  void* slot_ = nullptr;  // the std::atomic<PGcancel*> it occupies
};

}  // namespace migrate::db
