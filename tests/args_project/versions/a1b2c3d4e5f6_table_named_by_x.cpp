// table named by -x
//
// Revision ID: a1b2c3d4e5f6
// Revises:
// Create Date: 2026-12-03 13:30:00.000000
//
// Creates the table `-x name=...` names and records the name and `--tag` through
// op.execute's parameters, beside a `$1` and a `$2` that are text and must stay so.
#include <migrate/error.hpp>
#include <migrate/revision.hpp>

namespace {

const std::string& table_name(const migrate::Ops& op) {
  auto name = op.x_arguments().find("name");
  if (name == op.x_arguments().end()) throw migrate::RevisionError("run with -x name=<table>");
  return name->second;
}

}  // namespace

MIGRATE_REVISION(.id = "a1b2c3d4e5f6", .down = {},
    .message = "table named by -x",
    .created = "2026-12-03 13:30:00.000000") {
  void upgrade(migrate::Ops& op) override {
    op.create_table(table_name(op), {Column("id", Integer())});
    op.create_table("args_runs", {Column("name", Text()), Column("tag", Text()), Column("note", Text())});
    op.execute("INSERT INTO args_runs (name, tag, note) /* $2 */ VALUES ($1, $2, '$1 is text')", {table_name(op), op.tag()});
  }
  void downgrade(migrate::Ops& op) override {
    op.drop_table("args_runs");
    op.drop_table(table_name(op));
  }
};
