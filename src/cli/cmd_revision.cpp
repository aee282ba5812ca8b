// revision: a new revision file on top of the current head (or a given one).
#include <fmt/format.h>

#include <algorithm>

#include <migrate/error.hpp>

#include "cli/commands.hpp"
#include "cli/revision_file.hpp"

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
  const auto& rev = map.get(o.head);
  if (!o.splice && std::find(heads.begin(), heads.end(), rev.id) == heads.end())
    throw RevisionError(fmt::format(
        "Revision {} is not a head revision; please specify --splice to create a new branch from this revision",
        rev.id));
  return {rev.id};
}

int revision(Context& ctx, const RevisionOptions& o) {
  NewRevision rev;
  rev.id = o.rev_id;
  rev.message = o.message;
  rev.down = down_revisions(ctx.project().map(), o);
  rev.branch_labels = o.branch_labels;
  rev.depends_on = o.depends_on;
  rev.sql = o.sql;
  rev.folder = o.version_path;
  if (!rev.id.empty() && ctx.project().map().contains(rev.id))
    throw RevisionError(fmt::format("Revision {} is present more than once", rev.id));
  std::string path = write_revision_file(ctx.config(), rev);
  if (ctx.json()) ctx.document() = {{"command", "revision"}, {"path", path}, {"down_revisions", rev.down}};
  else ctx.print(fmt::format("  Generating {} ...  done", path));
  if (!o.sql) ctx.info("Build (just build) to compile it in; `just migrate` does that for you.");
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
}

}  // namespace migrate::cli
