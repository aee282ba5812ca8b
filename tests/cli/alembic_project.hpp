// A scratch Alembic project as `alembic init` lays it out (alembic.ini, env.py,
// script.py.mako, versions/) with revisions written as Alembic writes them, for the
// takeover and import tests. Debian's `alembic` runs it.
#pragma once
#include <string>
#include <vector>

#include "cli_project.hpp"

namespace cli_test {

struct AlembicProject {
  test_support::TempDir dir;
  std::string folder;  // script_location: `alembic init <folder>`

  explicit AlembicProject(const std::string& url, std::string script_folder = "alembic")
      : folder(std::move(script_folder)) {
    dir.write("alembic.ini", "[alembic]\nscript_location = %(here)s/" + folder + "\nsqlalchemy.url = " + url + "\n");
    dir.write(folder + "/env.py", R"PY(from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config


def run_migrations_offline():
    context.configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True,
                      dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    engine = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.",
                                poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
)PY");
    dir.write(folder + "/script.py.mako", R"PY("""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}

"""
from alembic import op
import sqlalchemy as sa

revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = ${repr(branch_labels)}
depends_on = ${repr(depends_on)}


def upgrade() -> None:
    ${upgrades if upgrades else "pass"}


def downgrade() -> None:
    ${downgrades if downgrades else "pass"}
)PY");
  }

  std::string ini() const { return dir.path() + "/alembic.ini"; }
  std::string versions() const { return dir.path() + "/" + folder + "/versions"; }

  // `down` and the others are Python expressions as the template prints them: "None",
  // "'ab12'", "('ab12', 'cd34')".
  void revision(const std::string& file, const std::string& id, const std::string& down, const std::string& message,
                const std::string& upgrade, const std::string& downgrade, const std::string& branch_labels = "None",
                const std::string& depends_on = "None") const {
    dir.write(folder + "/versions/" + file,
              "\"\"\"" + message + "\n\nRevision ID: " + id + "\nRevises: \nCreate Date: 2026-01-02 03:04:05.000000\n\n\"\"\"\n"
              "from alembic import op\nimport sqlalchemy as sa\n\nrevision = '" + id + "'\ndown_revision = " + down +
                  "\nbranch_labels = " + branch_labels + "\ndepends_on = " + depends_on +
                  "\n\n\ndef upgrade() -> None:\n    " + upgrade + "\n\n\ndef downgrade() -> None:\n    " + downgrade +
                  "\n");
  }

  // A root, two branches and their merge: the shapes whose SQL Alembic renders differently.
  void branches_and_merge() const {
    revision("aaa1_users.py", "aaa1", "None", "create users",
             "op.create_table('users', sa.Column('id', sa.Integer, primary_key=True), "
             "sa.Column('name', sa.String(50), nullable=False))",
             "op.drop_table('users')", "('core',)");
    revision("bbb2_email.py", "bbb2", "'aaa1'", "add email",
             "op.add_column('users', sa.Column('email', sa.String(200)))", "op.drop_column('users', 'email')");
    revision("ccc3_orders.py", "ccc3", "'aaa1'", "create orders",
             "op.create_table('orders', sa.Column('id', sa.Integer, primary_key=True), "
             "sa.Column('user_id', sa.Integer, sa.ForeignKey('users.id')), sa.Column('note', sa.Text, server_default='none'))",
             "op.drop_table('orders')");
    revision("ddd4_merge.py", "ddd4", "('bbb2', 'ccc3')", "merge email and orders", "pass", "pass");
  }

  test_support::Result alembic(std::vector<std::string> args) const {
    std::vector<std::string> full{"alembic", "-c", ini()};
    full.insert(full.end(), args.begin(), args.end());
    return test_support::run_program(full, dir.path());
  }

  // `migrate -c alembic.ini --url <db> args...`, run in the project's folder.
  test_support::Result migrate(const test_support::TestDatabase& db, std::vector<std::string> args,
                               const std::map<std::string, std::string>& env = {}) const {
    std::vector<std::string> full{"-c", ini(), "--url", db.url()};
    full.insert(full.end(), args.begin(), args.end());
    return test_support::run_migrate(full, dir.path(), env);
  }
};

}  // namespace cli_test
