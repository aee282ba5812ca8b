// Alembic's revision formats (alembic/script/base.py: Script.log_entry, cmd_format).
#include "cli/revision_text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace migrate::cli {

namespace {

std::vector<std::string> children_of(const graph::RevisionMap& map, const std::string& id) {
  std::vector<std::string> out;
  for (const auto& r : map.revisions())
    if (std::find(r.down_revisions.begin(), r.down_revisions.end(), id) != r.down_revisions.end())
      out.push_back(r.id);
  return out;
}

bool is_head(const graph::RevisionMap& map, const std::string& id) {
  auto heads = map.heads();
  return std::find(heads.begin(), heads.end(), id) != heads.end();
}

std::string markers(const graph::RevisionMap& map, const graph::Revision& rev) {
  std::string out;
  if (is_head(map, rev.id)) out += " (head)";
  if (children_of(map, rev.id).size() > 1) out += " (branchpoint)";
  if (rev.down_revisions.size() > 1) out += " (mergepoint)";
  return out;
}

std::string join(const std::vector<std::string>& v) { return fmt::format("{}", fmt::join(v, ", ")); }

}  // namespace

std::string short_line(const graph::RevisionMap& map, const graph::Revision& rev) {
  return rev.id + markers(map, rev);
}

std::string history_line(const graph::RevisionMap& map, const graph::Revision& rev) {
  std::string from = rev.down_revisions.empty() ? "<base>" : join(rev.down_revisions);
  return fmt::format("{} -> {}{}, {}", from, rev.id, markers(map, rev), rev.message);
}

std::string log_entry(const graph::RevisionMap& map, const graph::Revision& rev) {
  std::string out = fmt::format("Rev: {}{}\n", rev.id, markers(map, rev));
  if (rev.down_revisions.size() > 1) out += fmt::format("Merges: {}\n", join(rev.down_revisions));
  else out += fmt::format("Parent: {}\n", rev.down_revisions.empty() ? "<base>" : rev.down_revisions[0]);
  if (!rev.branch_labels.empty()) out += fmt::format("Branch names: {}\n", join(rev.branch_labels));
  if (!rev.depends_on.empty()) out += fmt::format("Also depends on: {}\n", join(rev.depends_on));
  auto children = children_of(map, rev.id);
  if (children.size() > 1) out += fmt::format("Branches into: {}\n", join(children));
  out += fmt::format("Path: {}\n\n", rev.path);
  out += fmt::format("    {}\n\n", rev.message);
  out += fmt::format("    Revision ID: {}\n", rev.id);
  out += fmt::format("    Revises: {}\n", join(rev.down_revisions));
  out += fmt::format("    Create Date: {}\n", rev.create_date);
  return out;
}

nlohmann::json revision_json(const graph::RevisionMap& map, const graph::Revision& rev) {
  return {{"revision", rev.id},
          {"down_revisions", rev.down_revisions},
          {"branch_labels", rev.branch_labels},
          {"depends_on", rev.depends_on},
          {"message", rev.message},
          {"create_date", rev.create_date},
          {"path", rev.path},
          {"is_head", is_head(map, rev.id)},
          {"is_branch_point", children_of(map, rev.id).size() > 1},
          {"is_merge_point", rev.down_revisions.size() > 1}};
}

}  // namespace migrate::cli
