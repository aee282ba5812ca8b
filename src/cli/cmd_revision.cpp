// Commands that write revision files: revision, merge; and edit, which opens one.
#include <fmt/format.h>

#include <migrate/compiled_project.hpp>
#include <migrate/error.hpp>

#include "cli/commands.hpp"
#include "migrate/autogen/compare_database.hpp"
#include "migrate/graph/target_resolver.hpp"
#include "migrate/ops/describe.hpp"
#include "migrate/ops/reverse.hpp"
#include "migrate/script/generate_revision.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>

namespace migrate::cli {

namespace {

struct RevisionOptions {
  script::RevisionRequest request;
  bool autogenerate = false;
  autogen::CompareRequest compare;
};

// Alembic's "Generating <path> ...  done", or the new revision as JSON.
void report_written(Context& ctx, const char* command, const script::GeneratedRevision& written) {
  if (ctx.json())
    ctx.document() = {{"command", command},
                      {"revision", written.meta.id},
                      {"path", written.path},
                      {"down_revisions", written.meta.down_revisions},
                      {"branch_labels", written.meta.branch_labels},
                      {"depends_on", written.meta.depends_on},
                      {"message", written.meta.message}};
  else ctx.print(fmt::format("  Generating {} ...  done", written.path));
}

int revision(Context& ctx, const RevisionOptions& o) {
  auto r = o.request;
  if (o.compare.from_revisions && !o.autogenerate) throw UsageError("--from-revisions needs --autogenerate");
  r.sql = r.sql || ctx.config().sql_revisions;
  const auto& project = ctx.project(/*may_be_new=*/!o.autogenerate);
  if (o.autogenerate) {
    // Alembic's autogenerate: the upgrade is the diff, the downgrade its reverse.
    r.upgrade = autogen::compare_database(project, autogen::registered_models(), o.compare);
    r.downgrade = ops::reverse(r.upgrade);
    if (r.upgrade.empty()) ctx.info("No changes in schema detected.");
    for (const auto& operation : r.upgrade)
      if (!std::holds_alternative<op::BeginAutocommit>(operation) && !std::holds_alternative<op::EndAutocommit>(operation))
        ctx.info("Detected " + ops::describe(operation));
  }
  auto written = script::generate_revision(project, r);
  report_written(ctx, "revision", written);
  if (!r.sql) ctx.info("Compile it in: " + rebuild_advice() + ".");
  return 0;
}

struct MergeOptions {
  std::vector<std::string> revisions;
  script::RevisionRequest request;
};

int merge(Context& ctx, const MergeOptions& o) {
  auto r = o.request;
  r.sql = r.sql || ctx.config().sql_revisions;
  report_written(ctx, "merge", script::generate_merge(ctx.project(), o.revisions, r));
  return 0;
}

int edit(Context& ctx, const std::string& target) {
  const auto& map = ctx.project().map();
  auto ids = graph::resolve_target(map, target);
  if (ids.size() != 1) throw RevisionError(fmt::format("'{}' must name exactly one revision to edit", target));
  // As git: $VISUAL, then $EDITOR, then vi.
  const char* editor = std::getenv("VISUAL");
  if (!editor || !*editor) editor = std::getenv("EDITOR");
  if (!editor || !*editor) editor = "vi";
  std::string path = map.get(ids[0]).path;
  pid_t pid = fork();
  if (pid == 0) {
    // Through the shell, so EDITOR="code --wait" works as it does for git.
    execl("/bin/sh", "sh", "-c", "exec $0 \"$1\"", editor, path.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw UsageError(fmt::format("the editor ({}) failed on {}", editor, path));
  if (ctx.json()) ctx.document() = {{"command", "edit"}, {"revision", ids[0]}, {"path", path}};
  return 0;
}

}  // namespace

void add_revision_commands(CLI::App& app, Action& chosen) {
  auto options = std::make_shared<RevisionOptions>();
  auto* o = &options->request;
  auto* r = app.add_subcommand("revision", "Create a new revision file");
  r->add_flag("--autogenerate", options->autogenerate,
              "write the difference between the models and the database (which must be at its heads)");
  r->add_flag("--from-revisions", options->compare.from_revisions,
              "with --autogenerate: compare with a scratch database the revisions bring to the heads");
  r->add_option("-m,--message", o->message, "the revision's message")->required();
  r->add_option("--head", o->head, "revision to base the new one on (default head; base for a new root)");
  r->add_flag("--splice", o->splice, "allow a non-head --head, starting a new branch");
  r->add_option("--branch-label", o->branch_labels, "a branch label for the new revision");
  r->add_option("--depends-on", o->depends_on, "a revision the new one depends on");
  r->add_option("--rev-id", o->id, "use this id instead of a generated one");
  r->add_option("--version-path", o->folder, "folder for the new file, one of the version locations (default: the first)");
  r->add_flag("--sql", o->sql, "write a plain SQL revision instead of a C++ one");
  on_run(r, chosen, [options](Context& ctx) { return revision(ctx, *options); });

  auto mo = std::make_shared<MergeOptions>();
  auto* m = app.add_subcommand("merge", "Create a revision that merges two or more heads");
  m->add_option("revisions", mo->revisions, "revisions to merge, or heads")->required();
  m->add_option("-m,--message", mo->request.message, "the merge revision's message");
  m->add_option("--branch-label", mo->request.branch_labels, "a branch label for the merge revision");
  m->add_option("--rev-id", mo->request.id, "use this id instead of a generated one");
  m->add_flag("--sql", mo->request.sql, "write a plain SQL revision instead of a C++ one");
  on_run(m, chosen, [mo](Context& ctx) { return merge(ctx, *mo); });

  auto target = std::make_shared<std::string>();
  auto* e = app.add_subcommand("edit", "Open a revision file in $VISUAL, else $EDITOR, else vi");
  e->add_option("revision", *target, "an id, prefix, label or head")->required();
  on_run(e, chosen, [target](Context& ctx) { return edit(ctx, *target); });
}

}  // namespace migrate::cli
