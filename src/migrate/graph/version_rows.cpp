// Alembic's HeadMaintainer (runtime/migration.py) over indices: which rows each step deletes,
// updates and inserts, with RevisionStep's and StampStep's rules.
#include "migrate/graph/version_rows.hpp"

#include <algorithm>

#include "migrate/error.hpp"
#include "migrate/graph/traversal.hpp"

namespace migrate::graph {
namespace {

using Index = RevisionMap::Index;

// A revision's depends_on resolved as Alembic's _add_depends_on does, duplicates of its down
// revisions kept: an ancestor's declared dependencies are what normalization subtracts.
std::vector<Index> resolved_dependencies(const RevisionMap& map, Index i) {
  std::vector<Index> out;
  for (const auto& d : map.at(i).depends_on) {
    auto j = map.find_reference(d);
    if (j && std::find(out.begin(), out.end(), *j) == out.end()) out.push_back(*j);
  }
  return out;
}

bool contains(const std::vector<Index>& v, Index i) { return std::find(v.begin(), v.end(), i) != v.end(); }

}  // namespace

std::vector<Index> normalized_down(const RevisionMap& map, Index i) {
  auto d = map.down(i);
  std::vector<Index> out(d.begin(), d.end());
  auto deps = resolved_dependencies(map, i);
  if (deps.empty()) return out;
  // Only revisions with dependencies pay for this walk (Alembic's _normalize_depends_on).
  const Index seed[] = {i};
  auto below = ancestor_marks(map, seed, Edges::Down);
  for (Index a = 0; a < map.size() && !deps.empty(); ++a) {
    if (a == i || !below[a] || map.at(a).depends_on.empty()) continue;
    for (auto x : resolved_dependencies(map, a)) std::erase(deps, x);
  }
  for (auto x : deps) {
    if (!contains(out, x)) out.push_back(x);
  }
  return out;
}

VersionRows::VersionRows(const RevisionMap& map, std::span<const Index> rows) : map_(map), row_(map.size(), 0) {
  for (auto r : rows) {
    if (!row_[r]) {
      row_[r] = 1;
      order_.push_back(r);
    }
  }
}

void VersionRows::fail(const std::string& what, Index r, const std::string& problem) const {
  std::string rows;
  for (auto i : order_) rows += (rows.empty() ? "" : ", ") + map_.id(i);
  throw RevisionError("Can't " + what + " " + map_.id(r) + ": " + problem + " (the version table holds " +
                      (rows.empty() ? "no rows" : rows) +
                      "); Alembic fails at the same step. Stamp the revisions the database is at to repair it");
}

std::vector<Index> VersionRows::uncovered(const std::vector<Index>& revs, std::span<const Index> excluded) const {
  std::vector<Index> others;
  for (auto i : order_) {
    if (std::find(excluded.begin(), excluded.end(), i) == excluded.end()) others.push_back(i);
  }
  if (others.empty()) return revs;
  auto covered = ancestor_marks(map_, others, Edges::All);
  std::vector<Index> out;
  for (auto i : revs) {
    if (!covered[i]) out.push_back(i);
  }
  return out;
}

void VersionRows::erase(Index i, const std::string& what, Index r) {
  if (!row_[i]) fail(what, r, "it would delete the row of " + map_.id(i) + ", which is not there");
  row_[i] = 0;
  std::erase(order_, i);
}

void VersionRows::insert(Index i, const std::string& what, Index r) {
  if (row_[i]) fail(what, r, "it would add a second row for " + map_.id(i));
  row_[i] = 1;
  order_.push_back(i);
}

void VersionRows::upgrade(Index r, Step& step) {
  auto down = normalized_down(map_, r);
  std::vector<Index> present;
  for (auto d : down) {
    if (row_[d]) present.push_back(d);
  }
  std::vector<Index> removed;
  if (!present.empty() && down.size() > 1 && present.size() > 1) {
    // should_merge_branches / merge_branch_idents: every normalized down revision that the
    // other rows do not cover goes, present as a row or not (Alembic then fails).
    removed = uncovered(down, down);
    if (removed.empty()) fail("upgrade", r, "none of its down revisions is left to replace");
  } else if (!present.empty()) {
    removed = present;  // update_version_num: exactly one down revision is a row
  }
  for (auto d : removed) {
    erase(d, "upgrade", r);
    step.remove_versions.push_back(map_.id(d));
  }
  insert(r, "upgrade", r);
  step.add_versions.push_back(map_.id(r));
}

void VersionRows::downgrade(Index r, Step& step) {
  if (!row_[r]) fail("downgrade", r, "it is not a row of its own");
  auto down = normalized_down(map_, r);
  const Index self[] = {r};
  auto to = down.empty() ? down : uncovered(down, self);
  erase(r, "downgrade", r);
  step.remove_versions.push_back(map_.id(r));
  for (auto d : to) {  // nothing left: should_delete_branch; one or more: update / unmerge
    insert(d, "downgrade", r);
    step.add_versions.push_back(map_.id(d));
  }
}

void VersionRows::stamp(const std::vector<Index>& from, std::optional<Index> to, bool is_upgrade, bool branch_move) {
  const Index shown = to ? *to : (from.empty() ? 0 : from.front());
  if (!is_upgrade && branch_move) {  // should_delete_branch: to base
    erase(from.front(), "stamp", shown);
    return;
  }
  const bool from_missing = std::any_of(from.begin(), from.end(), [&](Index i) { return !row_[i]; });
  if (is_upgrade && (branch_move || from_missing) && to && !row_[*to]) {  // should_create_branch
    insert(*to, "stamp", shown);
    return;
  }
  if (from.empty() || !to) fail("stamp", shown, "there is no row to replace");
  // should_merge_branches (several from) and update_version_num (one): delete all but the
  // last, then replace the last.
  for (auto i : from) erase(i, "stamp", shown);
  insert(*to, "stamp", shown);
}

}  // namespace migrate::graph
