// Prints every operation (and its reverse) as the upgrade of a C++ revision file, written by the
// same template `migrate revision` uses, with the SQL and C++ it must replay to.
#include <fstream>
#include <iostream>

#include "migrate/ops/render_cpp.hpp"
#include "migrate/ops/render_sql.hpp"
#include "migrate/ops/reverse.hpp"
#include "migrate/script/cpp_revision.hpp"
#include "roundtrip/every_operation.hpp"
#include "roundtrip/roundtrip_text.hpp"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: roundtrip_print OUT.cpp EXPECTED.sql EXPECTED.cpp.txt\n";
    return 2;
  }
  migrate::Ops op;
  every_operation::reversible(op);
  every_operation::irreversible(op);
  // The reverses add what revision authors rarely write by hand: drops with definitions,
  // alter_column with existing_* swapped, the DELETE of bulk_insert, irreversible markers.
  std::vector<migrate::Operation> all = op.operations();
  for (auto& r : migrate::ops::reverse(op.operations())) all.push_back(std::move(r));

  // The revision template itself, as autogenerate will fill it: it must compile as printed,
  // with no using-directive and nothing but <migrate/revision.hpp> included.
  migrate::graph::Revision meta;
  meta.id = "0123456789ab";
  meta.message = "every operation";
  meta.create_date = "2026-01-01 00:00:00.000000";
  std::ofstream cpp(argv[1]);
  cpp << migrate::script::cpp_revision_text(meta, all, {});
  std::ofstream(argv[2]) << roundtrip::sql_text(all);
  std::ofstream(argv[3]) << migrate::ops::render_cpp(all, 2);
  return cpp && std::cout ? 0 : 1;
}
