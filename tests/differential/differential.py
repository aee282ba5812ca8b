"""Differential test: the same commands on the same random revision graphs, run by Alembic and
by `migrate`, must leave the same database and print the same answers.

Each graph (bases, branch points, merges, branch labels, depends_on across branches and
roots) is written twice with the same ids: as an Alembic project (.py revisions with no-op
bodies) and as a migrate project (.sql revisions). A random command sequence (upgrade,
downgrade, stamp to heads, base, ids, prefixes, labels, relative steps) runs against two
fresh databases, one per tool. After every command we compare whether each tool failed, the
alembic_version rows, `current`, `heads` and `history` (with `-i`, and for a few ranges).

Runs with Debian's python3 (alembic 1.8 + psycopg2); ctest runs it as the test `differential`
(label `differential`) on the test cluster. Environment:
  MIGRATE_DIFF_SEED      first seed (default 1); graph k uses seed + k, printed on failure
  MIGRATE_DIFF_GRAPHS    how many graphs (default 6: what CI runs, well under a minute)
  MIGRATE_DIFF_COMMANDS  commands per graph (default 10)
A failure prints the seed of the graph, the revisions, the commands so far and the first
answer that differs, with both outcomes.
"""
import argparse
import contextlib
import io
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

import psycopg2
from alembic import command
from alembic.config import Config

ENV_PY = '''from alembic import context
from sqlalchemy import create_engine, pool

config = context.config
engine = create_engine(config.get_main_option("sqlalchemy.url"), poolclass=pool.NullPool)
with engine.connect() as connection:
    context.configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()
'''


# ---------------------------------------------------------------- graphs

class Rev:
    def __init__(self, id_, down, labels, deps):
        self.id, self.down, self.labels, self.deps = id_, down, labels, deps


def down_ancestors(revs, id_):
    by_id = {r.id: r for r in revs}
    seen, stack = set(), [id_]
    while stack:
        for d in by_id[stack.pop()].down:
            if d not in seen:
                seen.add(d)
                stack.append(d)
    return seen


def make_graph(rng):
    """A random valid graph, in creation order (every parent before its children)."""
    revs, prefixes = [], set()
    n = rng.randint(3, 9)
    for i in range(n):
        while True:
            id_ = "%012x" % rng.getrandbits(48)
            if id_[:4] not in prefixes and not id_[:4].isdigit():
                prefixes.add(id_[:4])
                break
        down_heads = [r.id for r in revs if not any(r.id in o.down for o in revs)]
        roll = rng.random()
        if not revs or roll < 0.15:
            down = []
        elif len(down_heads) >= 2 and roll < 0.40:
            down = rng.sample(down_heads, rng.choice([2, 2, 3]) if len(down_heads) >= 3 else 2)
        else:
            down = [rng.choice(revs).id]
        labels = ["lb%d" % i] if rng.random() < 0.25 else []
        deps = []
        if revs and rng.random() < 0.35:
            below = down_ancestors(revs, down[0]) | {down[0]} if down else set()
            for d in down[1:]:
                below |= down_ancestors(revs, d) | {d}
            others = [r for r in revs if r.id not in below]
            if rng.random() < 0.1:
                others = revs  # now and then a dependency the down revisions already imply
            if others:
                dep = rng.choice(others)
                deps = [dep.labels[0] if dep.labels and rng.random() < 0.4 else dep.id]
        revs.append(Rev(id_, down, labels, deps))
    return revs


def py_value(items):
    if not items:
        return "None"
    if len(items) == 1:
        return repr(items[0])
    return "(%s)" % ", ".join(repr(x) for x in items)


def write_projects(root, revs, url):
    alembic_dir = os.path.join(root, "alembic")
    os.makedirs(os.path.join(alembic_dir, "versions"))
    with open(os.path.join(root, "alembic.ini"), "w") as f:
        f.write("[alembic]\nscript_location = %s\nsqlalchemy.url = %s\n" % (alembic_dir, url))
    with open(os.path.join(alembic_dir, "env.py"), "w") as f:
        f.write(ENV_PY)
    sql_dir = os.path.join(root, "sql")
    os.makedirs(sql_dir)
    with open(os.path.join(root, "migrate.ini"), "w") as f:
        f.write("[migrate]\nversion_locations = %s\n" % sql_dir)
    for r in revs:
        with open(os.path.join(alembic_dir, "versions", r.id + "_r.py"), "w") as f:
            f.write('"""r %s\n\nRevision ID: %s\n"""\nrevision = %r\ndown_revision = %s\n'
                    "branch_labels = %s\ndepends_on = %s\n\n\ndef upgrade():\n    pass\n\n\n"
                    "def downgrade():\n    pass\n"
                    % (r.id, r.id, r.id, py_value(r.down), py_value(r.labels), py_value(r.deps)))
        with open(os.path.join(sql_dir, r.id + "_r.sql"), "w") as f:
            f.write("-- revision: %s\n-- down_revision: %s\n" % (r.id, ", ".join(r.down)))
            if r.labels:
                f.write("-- branch_labels: %s\n" % ", ".join(r.labels))
            if r.deps:
                f.write("-- depends_on: %s\n" % ", ".join(r.deps))
            f.write("-- message: r %s\n-- create_date: 2026-01-01 00:00:00\n"
                    "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 1;\n" % r.id)


# ---------------------------------------------------------------- commands

def targets(rng, revs, current_rows, direction):
    ids = [r.id for r in revs]
    labels = [l for r in revs for l in r.labels]
    pick = rng.choice(ids)
    choices = [pick, pick, pick[:rng.randint(4, 8)]]
    if direction == "up":
        choices += ["heads", "heads", "head", "+1", "+2", "%s@+1" % pick]
        choices += ["%s@head" % l for l in labels] + labels + ["%s@+1" % l for l in labels]
    elif direction == "down":
        choices += ["base", "base"]
        if len(current_rows) == 1:  # several rows: migrate refuses -N on purpose (README)
            choices += ["-1", "-1", "-2"]
        choices += labels + ["%s@-1" % l for l in labels] + ["%s@base" % l for l in labels]
    else:
        choices += ["heads", "head", "base"] + labels + ["%s@head" % l for l in labels]
    return rng.choice(choices)


def make_command(rng, revs, current_rows):
    roll = rng.random()
    if roll < 0.45:
        return ["upgrade", targets(rng, revs, current_rows, "up")]
    if roll < 0.75:
        return ["downgrade", targets(rng, revs, current_rows, "down")]
    args = ["stamp"]
    if rng.random() < 0.2 and len(revs) > 2:
        args += rng.sample([r.id for r in revs], 2)
    else:
        args.append(targets(rng, revs, current_rows, "stamp"))
    if rng.random() < 0.15:
        args.append("--purge")
    return args


def history_ranges(rng, revs):
    ids = [r.id for r in revs]
    out = [None, "base:current", "current:heads"]
    for _ in range(2):
        a, b = rng.choice(ids), rng.choice(ids)
        out.append("%s:%s" % (a, b))
    return out


# ---------------------------------------------------------------- running both tools

class Alembic:
    def __init__(self, root):
        self.ini = os.path.join(root, "alembic.ini")

    def run(self, args):
        out = io.StringIO()
        cfg = Config(self.ini, stdout=out)
        name, rest = args[0], args[1:]
        try:
            with contextlib.redirect_stderr(io.StringIO()):
                if name in ("upgrade", "downgrade"):
                    getattr(command, name)(cfg, rest[0])
                elif name == "stamp":
                    revs = [a for a in rest if a != "--purge"]
                    command.stamp(cfg, revs if len(revs) > 1 else revs[0], purge="--purge" in rest)
                elif name == "current":
                    command.current(cfg)
                elif name == "heads":
                    command.heads(cfg)
                elif name == "history":
                    rng = rest[rest.index("-r") + 1] if "-r" in rest else None
                    command.history(cfg, rng, indicate_current="-i" in rest)
            return True, out.getvalue()
        except Exception as e:  # Alembic's own errors and its internal asserts alike
            return False, "%s: %s" % (type(e).__name__, e)


class Migrate:
    def __init__(self, binary, root, url):
        self.cmd = [binary, "-c", os.path.join(root, "migrate.ini"), "--url", url]
        self.root = root

    def run(self, args):
        p = subprocess.run(self.cmd + args, cwd=self.root, capture_output=True, text=True)
        return p.returncode == 0, p.stdout if p.returncode == 0 else p.stderr.strip()


def sorted_groups(line):
    # Alembic prints a revision's branch labels from a set: "(lb5, lb4)" is "(lb4, lb5)".
    return re.sub(r"\(([^()]*)\)", lambda m: "(%s)" % ", ".join(sorted(m.group(1).split(", "))), line)


def normalise(args, text):
    lines = [sorted_groups(l) for l in text.splitlines() if l.strip()]
    if args[0] == "current":
        lines = [l for l in lines if l != "<base>"]  # migrate names an empty table
    # Alembic lists `current` and `heads` from sets, and orders `history` by a topological sort
    # that iterates sets of strings (so it changes with PYTHONHASHSEED): compare the lines, and
    # check migrate's order on its own (newest_first_violation).
    return "\n".join(sorted(lines))


def newest_first_violation(revs, text):
    """The first revision migrate's history lists after one of its parents, if any."""
    by_id = {r.id: r for r in revs}
    labels = {l: r.id for r in revs for l in r.labels}
    seen = []
    for line in text.splitlines():
        m = re.search(r"-> ([0-9a-f]{12})", line)
        if not m:
            continue
        rev = by_id[m.group(1)]
        for p in rev.down + [labels.get(d, d) for d in rev.deps]:
            if p in seen:
                return "%s is listed after its parent %s" % (rev.id, p)
        seen.append(rev.id)
    return None


def version_rows(conn):
    with conn.cursor() as cur:
        cur.execute("SELECT to_regclass('alembic_version') IS NOT NULL")
        if not cur.fetchone()[0]:
            return []
        cur.execute("SELECT version_num FROM alembic_version ORDER BY 1")
        return [r[0] for r in cur.fetchall()]


class Cluster:
    def __init__(self, host, port):
        self.host, self.port = host, port
        self.admin = psycopg2.connect(host=host, port=port, user="postgres", dbname="postgres")
        self.admin.autocommit = True

    def create(self, name):
        with self.admin.cursor() as cur:
            cur.execute('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % name)
            cur.execute('CREATE DATABASE "%s"' % name)
        conn = psycopg2.connect(host=self.host, port=self.port, user="postgres", dbname=name)
        conn.autocommit = True
        return conn

    def drop(self, name):
        with self.admin.cursor() as cur:
            cur.execute('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % name)

    def alembic_url(self, name):
        return "postgresql+psycopg2://postgres@/%s?host=%s&port=%s" % (name, self.host, self.port)

    def migrate_url(self, name):
        return "postgresql://postgres@/%s?host=%s&port=%s" % (name, self.host, self.port)


def describe(revs):
    return "\n".join("  %s down=%s labels=%s depends_on=%s" % (r.id, r.down or "-", r.labels or "-", r.deps or "-")
                     for r in revs)


def run_graph(seed, cluster, binary, n_commands, keep):
    rng = random.Random(seed)
    revs = make_graph(rng)
    root = tempfile.mkdtemp(prefix="migrate-diff-%d-" % seed)
    a_name, m_name = "diff_a_%d" % os.getpid(), "diff_m_%d" % os.getpid()
    a_conn, m_conn = cluster.create(a_name), cluster.create(m_name)
    try:
        write_projects(root, revs, cluster.alembic_url(a_name))
        alembic, migrate = Alembic(root), Migrate(binary, root, cluster.migrate_url(m_name))
        done = []

        def differ(what, a, m):
            print("FAIL seed=%d (project kept in %s)\nrevisions:\n%s\ncommands:\n%s\nafter: %s\n"
                  "  alembic: %s\n  migrate: %s"
                  % (seed, root, describe(revs), "\n".join("  " + " ".join(c) for c in done) or "  (none)",
                     what, a, m))
            return False

        def compare(args):
            a_ok, a_out = alembic.run(args)
            m_ok, m_out = migrate.run(args)
            if a_ok != m_ok:
                return differ(" ".join(args), ("ok: " if a_ok else "error: ") + a_out,
                              ("ok: " if m_ok else "error: ") + m_out)
            if a_ok and normalise(args, a_out) != normalise(args, m_out):
                return differ(" ".join(args), "\n" + a_out, "\n" + m_out)
            if m_ok and args[0] == "history" and newest_first_violation(revs, m_out):
                return differ(" ".join(args), "(order not compared)",
                              newest_first_violation(revs, m_out) + "\n" + m_out)
            return True

        ranges = history_ranges(rng, revs)
        if not compare(["heads"]):
            return False
        for step in range(n_commands + 1):
            if step > 0:
                args = make_command(rng, revs, version_rows(a_conn))
                done.append(args)
                a_ok, a_out = alembic.run(args)
                m_ok, m_out = migrate.run(args)
                if a_ok != m_ok:
                    return differ(" ".join(args), ("ok" if a_ok else "error: " + a_out),
                                  ("ok" if m_ok else "error: " + m_out))
            a_rows, m_rows = version_rows(a_conn), version_rows(m_conn)
            if a_rows != m_rows:
                return differ("alembic_version rows", a_rows, m_rows)
            if not compare(["current"]) or not compare(["history", "-i"]):
                return False
            for r in ranges if step == n_commands else []:
                if not compare(["history"] + (["-r", r] if r else [])):
                    return False
        if not keep:
            shutil.rmtree(root)
        return True
    finally:
        a_conn.close()
        m_conn.close()
        cluster.drop(a_name)
        cluster.drop(m_name)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--migrate", required=True)
    ap.add_argument("--pg-host", required=True)
    ap.add_argument("--pg-port", required=True)
    ap.add_argument("--keep", action="store_true", help="keep every project folder")
    ap.add_argument("--all", action="store_true", help="go on after a failing graph")
    o = ap.parse_args()
    seed = int(os.environ.get("MIGRATE_DIFF_SEED", "1"))
    graphs = int(os.environ.get("MIGRATE_DIFF_GRAPHS", "6"))
    n_commands = int(os.environ.get("MIGRATE_DIFF_COMMANDS", "10"))
    cluster = Cluster(o.pg_host, o.pg_port)
    print("differential: seeds %d..%d, %d commands each" % (seed, seed + graphs - 1, n_commands))
    failed = 0
    for k in range(graphs):
        if not run_graph(seed + k, cluster, o.migrate, n_commands, o.keep):
            failed += 1
            if not o.all:
                break
    print("differential: %d graph(s) failed" % failed if failed else "differential: %d graphs agree" % graphs)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
