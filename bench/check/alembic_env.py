# Alembic's env.py for bench/check: the same BENCH_TABLES tables as bench_models.cpp, with
# SQLAlchemy's naming convention set to the names migrate gives, and the same comparisons
# turned on (types, server defaults), so both tools look for the same differences.
import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy import (BigInteger, Boolean, CheckConstraint, Column, DateTime, ForeignKey, MetaData, Numeric, String,
                        Table, Text, create_engine, text)

# Alembic's own logging set-up, so "Detected ..." lines are printed as usual.
fileConfig(context.config.config_file_name)

metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})

for i in range(int(os.environ.get("BENCH_TABLES", "200"))):
    columns = [Column("id", BigInteger, primary_key=True, autoincrement=False)]
    if i > 0:
        columns.append(Column("parent_id", BigInteger, ForeignKey(f"bench.t{(i - 1) // 2:03d}.id", ondelete="CASCADE"), index=True))
    columns += [
        Column("name", String(100), nullable=False, index=True),
        Column("description", Text),
        Column("amount", Numeric(12, 2), nullable=False, server_default=text("0")),
        Column("is_active", Boolean, nullable=False, server_default=text("true")),
        Column("created_at", DateTime(timezone=True), nullable=False, server_default=text("now()")),
    ]
    Table(f"t{i:03d}", metadata, *columns, CheckConstraint("amount >= 0", name="amount"), schema="bench",
          comment=f"Generated table {i}.")


def include_name(name, type_, parent_names):
    return name == "bench" if type_ == "schema" else True


engine = create_engine(context.config.get_main_option("sqlalchemy.url"))
with engine.connect() as connection:
    # Its own version table, so it never reads migrate's revision in alembic_version.
    context.configure(connection=connection, target_metadata=metadata, include_schemas=True, include_name=include_name,
                      compare_type=True, compare_server_default=True, version_table="alembic_bench_version")
    with context.begin_transaction():
        context.run_migrations()
