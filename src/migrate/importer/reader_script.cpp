// The Python that reads an Alembic project through Alembic's own API and renders each
// revision offline: printed as one JSON document on stdout (see alembic_reader.hpp).
#include "migrate/importer/reader_script.hpp"

namespace migrate::importer {

// argv: <ini> <section>. Each revision runs alone, as one MigrationStep from its down
// revisions (Alembic's `A:B` ranges cannot start from a merge's several parents), through
// the project's env.py in offline mode with a PostgreSQL URL, so no server is needed.
const char* const reader_script = R"PY(
import io, json, re, sys
answer = sys.stdout
sys.stdout = sys.stderr  # env.py's prints and logs must not reach the JSON

def finish(doc):
    answer.write(json.dumps(doc))
    answer.flush()
    sys.exit(0)

try:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from alembic.runtime.environment import EnvironmentContext
    from alembic.runtime.migration import MigrationStep
except Exception as e:
    finish({"fatal": "alembic cannot be imported by %s: %s" % (sys.executable, e)})

HAND = [(re.compile(p), why) for p, why in [
    (r"get_bind\s*\(", "reads the database (get_bind)"),
    (r"\.fetch(one|all|many)\s*\(", "reads query results (fetch)"),
    (r"\.scalars?\s*\(", "reads query results (scalar)"),
    (r"\.dialect\b", "branches on the dialect"),
    (r"is_offline_mode\s*\(", "behaves differently online (is_offline_mode)"),
    (r"autocommit_block\s*\(", "runs outside a transaction (autocommit_block): make it a '-- transactional: false' revision"),
]]

def one_line(text):
    return " ".join(str(text).split())

def as_list(value):
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]

try:
    cfg = Config(sys.argv[1], ini_section=sys.argv[2])
    cfg.set_main_option("sqlalchemy.url", "postgresql://")
    script = ScriptDirectory.from_config(cfg)
    scripts = list(script.walk_revisions())
except Exception as e:
    finish({"fatal": "%s: %s" % (type(e).__name__, one_line(e))})

table = {"name": "alembic_version", "schema": None}

def render(sc, up):
    buf = io.StringIO()
    cfg.output_buffer = buf
    make = MigrationStep.upgrade_from_script if up else MigrationStep.downgrade_from_script
    step = make(script.revision_map, sc)
    def steps(rev, context):
        table["name"] = context.version_table
        table["schema"] = context.version_table_schema
        return [step]
    start = tuple(sc._versioned_down_revisions) if up else (sc.revision,)
    with EnvironmentContext(cfg, script, fn=steps, as_sql=True, starting_rev=start or None,
                            destination_rev=sc.revision):
        script.run_env()
    # The step's own marker line, which Alembic writes before the body.
    return buf.getvalue().replace("-- Running %s\n" % step.short_log, "", 1)

revisions = []
for sc in reversed(scripts):
    m = sc.module
    with open(sc.path, encoding="utf-8") as f:
        source = f.read()
    date = re.search(r"Create Date:\s*(.+)", sc.longdoc or "")
    entry = {
        "id": sc.revision, "path": sc.path,
        "down_revisions": as_list(getattr(m, "down_revision", None)),
        "branch_labels": as_list(getattr(m, "branch_labels", None)),
        "depends_on": as_list(getattr(m, "depends_on", None)),
        "message": one_line(sc.doc or ""),
        "create_date": one_line(date.group(1)) if date else "",
        "port_by_hand": [why for pattern, why in HAND if pattern.search(source)],
        "up": None, "down": None, "error": None,
    }
    try:
        entry["up"] = render(sc, True)
        entry["down"] = render(sc, False)
    except Exception as e:
        entry["error"] = "%s: %s" % (type(e).__name__, one_line(e))
    revisions.append(entry)

finish({"version_table": table["name"], "version_table_schema": table["schema"], "revisions": revisions})
)PY";

}  // namespace migrate::importer
