// Replays the printed revision and checks it records operations with the same SQL and C++ as the originals.
#include <fstream>
#include <iostream>
#include <sstream>

#include <migrate/revision.hpp>

#include "migrate/ops/render_cpp.hpp"
#include "roundtrip_text.hpp"

namespace {

std::string read(const char* path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Reports the first differing line, which is where a printer or a parser went wrong.
bool same(const char* what, const std::string& expected, const std::string& actual) {
  if (expected == actual) return true;
  std::istringstream e(expected), a(actual);
  std::string el, al;
  for (int line = 1;; ++line) {
    bool more_e = static_cast<bool>(std::getline(e, el)), more_a = static_cast<bool>(std::getline(a, al));
    if (!more_e && !more_a) break;
    if (el != al || more_e != more_a) {
      std::cerr << what << " differs at line " << line << ":\n  expected: " << el << "\n  replayed: " << al << "\n";
      break;
    }
  }
  return false;
}

}  // namespace

int main() {
  // The printed revision registered itself, as every compiled revision does.
  const auto& compiled = migrate::compiled_revisions();
  if (compiled.size() != 1 || compiled[0].info.id != "0123456789ab" || compiled[0].info.message != "every operation") {
    std::cerr << "the printed revision did not register as 0123456789ab\n";
    return 1;
  }
  migrate::Ops op;
  compiled[0].make()->upgrade(op);
  std::string expected_sql = read(EXPECTED_SQL);
  if (expected_sql.empty()) {
    std::cerr << "no expected SQL at " << EXPECTED_SQL << "\n";
    return 1;
  }
  bool ok = same("SQL", expected_sql, roundtrip::sql_text(op.operations()));
  ok = same("C++", read(EXPECTED_CPP), migrate::ops::render_cpp(op.operations(), 2)) && ok;
  // Every kind of operation must be in the round trip, so a new one cannot skip it.
  std::vector<bool> seen(std::variant_size_v<migrate::Operation>, false);
  for (const auto& o : op.operations()) seen[o.index()] = true;
  // A note prints as a `//` comment for the reviewer: by design nothing is recorded to replay.
  seen[migrate::Operation(migrate::op::Note{}).index()] = true;
  for (size_t i = 0; i < seen.size(); ++i)
    if (!seen[i]) {
      std::cerr << "operation kind #" << i << " of migrate::Operation is missing from every_operation.hpp\n";
      ok = false;
    }
  std::cout << op.operations().size() << " operations replayed from printed C++: "
            << (ok ? "same SQL and C++" : "MISMATCH") << "\n";
  return ok ? 0 : 1;
}
