// Commands that write revision files: revision, merge; and edit, which opens one.
#include <fmt/format.h>

#include <algorithm>

#include <migrate/error.hpp>

#include "cli/commands.hpp"
#include "cli/revision_file.hpp"
#include "migrate/graph/target_resolver.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>

namespace migrate::cli {

namespace {

struct RevisionOptions {
  std::string message;
  std::string head = "head";
  bool splice = false;
  std::vector<std::string> branch_labels;
  std::vector<std::string> depends_on;
  std::string rev_id;
  std::string version_path;
  bool sql = false;
};

// Alembic's rules for where a new revision goes (alembic/script/base.py generate_revision).
std::vector<std::string> down_revisions(const graph::RevisionMap& map, const RevisionOptions& o) {
  if (o.head == "base") return {};
  auto heads = map.heads();
  if (o.head == "head") {
    if (heads.size() > 1)
      throw RevisionError(
          "Multiple heads are present; please specify the head revision on which the new revision should be "
          "based, or perform a merge.");
    return heads;
  }
  auto named = graph::resolve_target(map, o.head);
  if (named.size() != 1) throw RevisionError(fmt::format("--head {} must name exactly one revision", o.head));
  const auto& rev = map.get(named[0]);
  if (!o.splice && std::find(heads.begin(), heads.end(), rev.id) == heads.end())
    throw RevisionError(fmt::format(
        "Revision {} is not a head revision; please specify --splice to create a new branch from this revision",
        rev.id));
  return {rev.id};
}

// As Alembic's generate_revision: a branch label stays as written, a prefix becomes the full
// id, and an unknown name fails now instead of writing a file that breaks the graph.
std::vector<std::string> resolve_depends_on(const graph::RevisionMap& map, const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const auto& name : names) {
    if (map.find_label(name) && !map.find(name)) {
      out.push_back(name);
      continue;
    }
    auto ids = graph::resolve_target(map, name);
    if (ids.size() != 1) throw RevisionError(fmt::format("--depends-on {} must name exactly one revision", name));
    out.push_back(ids[0]);
  }
  return out;
}

int revision(Context& ctx, const RevisionOptions& o) {
  NewRevision rev;
  rev.id = o.rev_id;
  rev.message = o.message;
  rev.down = down_revisions(ctx.project().map(), o);
  rev.branch_labels = o.branch_labels;
  rev.depends_on = resolve_depends_on(ctx.project().map(), o.depends_on);
  rev.sql = o.sql || ctx.config().sql_revisions;
  rev.folder = o.version_path;
  if (!rev.id.empty() && ctx.project().map().contains(rev.id))
    throw RevisionError(fmt::format("Revision {} is present more than once", rev.id));
  std::string path = write_revision_file(ctx.config(), rev);
  if (ctx.json()) ctx.document() = {{"command", "revision"}, {"path", path}, {"down_revisions", rev.down}};
  else ctx.print(fmt::format("  Generating {} ...  done", path));
  if (!rev.sql) ctx.info("Build (just build) to compile it in; `just migrate` does that for you.");
  return 0;
}

struct MergeOptions {
  std::vector<std::string> revisions;
  std::string message;
  std::vector<std::string> branch_labels;
  std::string rev_id;
  bool sql = false;
};

int merge(Context& ctx, const MergeOptions& o) {
  const auto& map = ctx.project().map();
  std::vector<std::string> down;
  for (const auto& r : o.revisions)
    for (const auto& id : graph::resolve_target(map, r)) down.push_back(id);
  std::sort(down.begin(), down.end());
  down.erase(std::unique(down.begin(), down.end()), down.end());
  if (down.size() < 2) throw RevisionError(fmt::format("merge needs two or more revisions; '{}' names {}",
                                                       fmt::join(o.revisions, " "), down.size()));
  NewRevision rev;
  rev.id = o.rev_id;
  rev.message = o.message;
  rev.down = down;
  rev.branch_labels = o.branch_labels;
  rev.sql = o.sql || ctx.config().sql_revisions;
  std::string path = write_revision_file(ctx.config(), rev);
  if (ctx.json()) ctx.document() = {{"command", "merge"}, {"path", path}, {"down_revisions", down}};
  else ctx.print(fmt::format("  Generating {} ...  done", path));
  return 0;
}

int edit(Context& ctx, const std::string& target) {
  const auto& map = ctx.project().map();
  auto ids = graph::resolve_target(map, target);
  if (ids.size() != 1) throw RevisionError(fmt::format("'{}' must name exactly one revision to edit", target));
  const char* editor = std::getenv("VISUAL");
  if (!editor || !*editor) editor = std::getenv("EDITOR");
  if (!editor || !*editor) throw UsageError("set $EDITOR (or $VISUAL) to edit revisions");
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
  return 0;
}

}  // namespace

void add_revision_commands(CLI::App& app, Action& chosen) {
  auto o = std::make_shared<RevisionOptions>();
  auto* r = app.add_subcommand("revision", "Create a new revision file");
  r->add_option("-m,--message", o->message, "the revision's message")->required();
  r->add_option("--head", o->head, "revision to base the new one on (default head; base for a new root)");
  r->add_flag("--splice", o->splice, "allow a non-head --head, starting a new branch");
  r->add_option("--branch-label", o->branch_labels, "a branch label for the new revision");
  r->add_option("--depends-on", o->depends_on, "a revision the new one depends on");
  r->add_option("--rev-id", o->rev_id, "use this id instead of a generated one");
  r->add_option("--version-path", o->version_path, "folder for the new file (default: the first version location)");
  r->add_flag("--sql", o->sql, "write a plain SQL revision instead of a C++ one");
  on_run(r, chosen, [o](Context& ctx) { return revision(ctx, *o); });

  auto mo = std::make_shared<MergeOptions>();
  auto* m = app.add_subcommand("merge", "Create a revision that merges two or more heads");
  m->add_option("revisions", mo->revisions, "revisions to merge, or heads")->required();
  m->add_option("-m,--message", mo->message, "the merge revision's message");
  m->add_option("--branch-label", mo->branch_labels, "a branch label for the merge revision");
  m->add_option("--rev-id", mo->rev_id, "use this id instead of a generated one");
  m->add_flag("--sql", mo->sql, "write a plain SQL revision instead of a C++ one");
  on_run(m, chosen, [mo](Context& ctx) { return merge(ctx, *mo); });

  auto target = std::make_shared<std::string>();
  auto* e = app.add_subcommand("edit", "Open a revision file in $EDITOR");
  e->add_option("revision", *target, "an id, prefix, label or head")->required();
  on_run(e, chosen, [target](Context& ctx) { return edit(ctx, *target); });
}

}  // namespace migrate::cli
