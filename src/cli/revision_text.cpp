// Alembic's revision formats (alembic/script/base.py: Script.log_entry, _head_only).
#include "cli/revision_text.hpp"

#include <fmt/format.h>

#include "cli/colour.hpp"
#include "migrate/graph/history.hpp"
#include "migrate/graph/queries.hpp"

namespace migrate::cli {

namespace {
std::string join(const std::vector<std::string>& v) { return fmt::format("{}", fmt::join(v, ", ")); }
}  // namespace

RevisionText::RevisionText(const graph::RevisionMap& map, std::set<std::string> current)
    : map_(map), current_(std::move(current)), labels_(graph::effective_branch_labels(map)) {}

std::string RevisionText::labels(const graph::Revision& rev) const {
  const auto& l = labels_[map_.index_of(rev.id)];
  return l.empty() ? "" : " (" + join(l) + ")";
}

std::string RevisionText::head_marks(const graph::Revision& rev) const {
  auto m = graph::marks(map_, rev.id);
  std::string out;
  if (m.head) out += " (head)";
  if (m.effective_head) out += " (effective head)";
  if (current_.count(rev.id)) out += colour::out(colour::Style::Green, " (current)");
  return out;
}

std::string RevisionText::tree_marks(const graph::Revision& rev) const {
  auto m = graph::marks(map_, rev.id);
  return std::string(m.branch_point ? " (branchpoint)" : "") + (m.merge_point ? " (mergepoint)" : "");
}

std::string RevisionText::short_line(const graph::Revision& rev) const {
  return rev.id + head_marks(rev) + tree_marks(rev);
}

std::string RevisionText::head_line(const graph::Revision& rev) const { return rev.id + labels(rev) + head_marks(rev); }

std::string RevisionText::history_line(const graph::Revision& rev) const {
  std::string down = rev.down_revisions.empty() ? "<base>" : join(rev.down_revisions);
  if (!rev.depends_on.empty()) down += " (" + join(rev.depends_on) + ")";
  return fmt::format("{} -> {}{}{}{}, {}", down, rev.id, labels(rev), head_marks(rev), tree_marks(rev), rev.message);
}

std::string RevisionText::log_entry(const graph::Revision& rev) const {
  std::string out = fmt::format("Rev: {}{}{}\n", rev.id, head_marks(rev), tree_marks(rev));
  if (rev.down_revisions.size() > 1) out += fmt::format("Merges: {}\n", join(rev.down_revisions));
  else out += fmt::format("Parent: {}\n", rev.down_revisions.empty() ? "<base>" : rev.down_revisions[0]);
  if (!rev.depends_on.empty()) out += fmt::format("Also depends on: {}\n", join(rev.depends_on));
  const auto& l = labels_[map_.index_of(rev.id)];
  if (!l.empty()) out += fmt::format("Branch names: {}\n", join(l));
  auto children = map_.down_children(map_.index_of(rev.id));
  if (children.size() > 1) {
    std::vector<std::string> ids;
    for (auto c : children) ids.push_back(map_.id(c));
    out += fmt::format("Branches into: {}\n", join(ids));
  }
  out += fmt::format("Path: {}\n\n", rev.path);
  out += fmt::format("    {}\n\n", rev.message);
  out += fmt::format("    Revision ID: {}\n", rev.id);
  out += fmt::format("    Revises: {}\n", join(rev.down_revisions));
  out += fmt::format("    Create Date: {}\n", rev.create_date);
  return out;
}

nlohmann::json RevisionText::json(const graph::Revision& rev) const {
  auto m = graph::marks(map_, rev.id);
  return {{"revision", rev.id},
          {"down_revisions", rev.down_revisions},
          {"branch_labels", labels_[map_.index_of(rev.id)]},
          {"depends_on", rev.depends_on},
          {"message", rev.message},
          {"create_date", rev.create_date},
          {"path", rev.path},
          {"is_head", m.head},
          {"is_branch_point", m.branch_point},
          {"is_merge_point", m.merge_point},
          {"is_current", current_.count(rev.id) > 0}};
}

}  // namespace migrate::cli
