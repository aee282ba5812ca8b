// RevisionMap: loading, validation (ids, labels, references, cycles) and adjacency.
#include "migrate/graph/revision_map.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <string>

#include "migrate/error.hpp"

namespace migrate::graph {
namespace {

using Index = RevisionMap::Index;

// The column is VARCHAR(32): a longer id could never be stored in the version table.
constexpr std::size_t kMaxIdLength = 32;
// These characters carry meaning in the target grammar (label@rev, rev+N, rev-N, a:b),
// which is why Alembic refuses them in ids too.
constexpr std::string_view kIllegalIdChars = "+-:@";

bool is_reserved(std::string_view name) {
  return name == "head" || name == "heads" || name == "base" || name == "current";
}

void check_id(const Revision& r) {
  if (r.id.empty()) {
    throw RevisionError("Revision declared in " + (r.path.empty() ? "<unknown>" : r.path) +
                        " has an empty id");
  }
  if (r.id.size() > kMaxIdLength) {
    throw RevisionError("Revision identifier '" + r.id + "' is longer than 32 characters");
  }
  std::vector<std::string> bad;
  for (char c : kIllegalIdChars) {
    if (r.id.find(c) != std::string::npos) bad.emplace_back(1, c);
  }
  if (!bad.empty()) {
    // Alembic's wording (Revision.verify_rev_id).
    throw RevisionError("Character(s) '" + fmt::format("{}", fmt::join(bad, ", ")) + "' not allowed in revision identifier '" +
                        r.id + "'");
  }
  if (is_reserved(r.id)) {
    throw RevisionError("Revision identifier '" + r.id + "' is reserved by the target grammar");
  }
  if (std::find(r.down_revisions.begin(), r.down_revisions.end(), r.id) != r.down_revisions.end()) {
    throw RevisionError("Self-loop is detected in revisions (" + r.id + ")");
  }
  if (std::find(r.depends_on.begin(), r.depends_on.end(), r.id) != r.depends_on.end()) {
    throw RevisionError("Dependency self-loop is detected in revisions (" + r.id + ")");
  }
  for (std::size_t i = 0; i < r.down_revisions.size(); ++i) {
    for (std::size_t j = i + 1; j < r.down_revisions.size(); ++j) {
      if (r.down_revisions[i] == r.down_revisions[j]) {
        throw RevisionError("Revision " + r.id + " lists down revision " + r.down_revisions[i] +
                            " more than once");
      }
    }
  }
  for (const auto& label : r.branch_labels) {
    if (label.empty() || label.find('@') != std::string::npos || is_reserved(label)) {
      throw RevisionError("Branch name '" + label + "' in revision " + r.id +
                          " is not usable as a target (empty, reserved, or contains '@')");
    }
  }
}

// Builds a compressed adjacency list from (from, to) pairs; each row sorted by target index.
void build_csr(std::size_t n, std::vector<std::pair<Index, Index>> edges, std::vector<Index>& offsets,
               std::vector<Index>& targets) {
  std::sort(edges.begin(), edges.end());
  offsets.assign(n + 1, 0);
  for (const auto& e : edges) ++offsets[e.first + 1];
  std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
  targets.resize(edges.size());
  for (std::size_t k = 0; k < edges.size(); ++k) targets[k] = edges[k].second;
}

}  // namespace

RevisionMap::RevisionMap(std::vector<Revision> revisions) : revisions_(std::move(revisions)) {
  for (const auto& r : revisions_) check_id(r);

  // Sorting makes every later order (heads, children, plans) independent of the order in
  // which revisions were registered or files were read.
  std::sort(revisions_.begin(), revisions_.end(),
            [](const Revision& a, const Revision& b) { return a.id < b.id; });
  for (std::size_t i = 1; i < revisions_.size(); ++i) {
    if (revisions_[i].id == revisions_[i - 1].id) {
      throw RevisionError("Revision " + revisions_[i].id + " is present more than once");
    }
  }
  const std::size_t n = revisions_.size();

  // Branch labels share the namespace of ids (Alembic keeps both in one map).
  for (Index i = 0; i < n; ++i) {
    for (const auto& label : revisions_[i].branch_labels) {
      if (auto owner = find(label)) {
        throw RevisionError("Branch name '" + label + "' in revision " + revisions_[i].id +
                            " already used by revision " + revisions_[*owner].id);
      }
      labels_.emplace_back(label, i);
    }
  }
  std::sort(labels_.begin(), labels_.end());
  for (std::size_t k = 1; k < labels_.size(); ++k) {
    if (labels_[k].first == labels_[k - 1].first) {
      const auto& again = revisions_[labels_[k].second].id;
      const auto& first = revisions_[labels_[k - 1].second].id;
      throw RevisionError("Branch name '" + labels_[k].first + "' in revision " + again +
                          " already used by revision " + first);
    }
  }

  // Parents: down revisions must be ids; dependencies may be ids or labels.
  parent_offsets_.assign(n + 1, 0);
  down_counts_.assign(n, 0);
  std::vector<std::pair<Index, Index>> child_edges, down_child_edges;
  for (Index i = 0; i < n; ++i) {
    const auto& r = revisions_[i];
    for (const auto& d : r.down_revisions) {
      auto p = find(d);
      if (!p) throw RevisionError("Revision " + d + " referenced from " + r.id + " is not present");
      parents_.push_back(*p);
      child_edges.emplace_back(*p, i);
      down_child_edges.emplace_back(*p, i);
    }
    down_counts_[i] = static_cast<std::uint32_t>(r.down_revisions.size());
    for (const auto& d : r.depends_on) {
      auto p = find_reference(d);
      if (!p) throw RevisionError("Revision " + d + " referenced from " + r.id + " is not present");
      if (*p == i) throw RevisionError("Dependency self-loop is detected in revisions (" + r.id + ")");
      auto begin = parents_.begin() + parent_offsets_[i];
      if (std::find(begin, parents_.end(), *p) != parents_.end()) continue;  // listed already
      parents_.push_back(*p);
      child_edges.emplace_back(*p, i);
    }
    parent_offsets_[i + 1] = static_cast<Index>(parents_.size());
  }
  build_csr(n, std::move(child_edges), child_offsets_, children_);
  build_csr(n, std::move(down_child_edges), down_child_offsets_, down_children_);

  // Cycles: peel revisions whose parents are all peeled (Kahn), first over down edges, then
  // over all edges. What is left holds the cycles and whatever hangs below them; peeling the
  // leftover from the other end too (nothing left below it) leaves the revisions that are on
  // a cycle or between two cycles: those are the ones worth naming.
  auto report_cycle = [&](bool down_only) {
    auto ps = [&](Index i) { return down_only ? down(i) : parents(i); };
    auto cs = [&](Index i) { return down_only ? down_children(i) : children(i); };
    std::vector<std::uint32_t> pending(n);
    std::vector<Index> ready;
    for (Index i = 0; i < n; ++i) {
      pending[i] = static_cast<std::uint32_t>(ps(i).size());
      if (pending[i] == 0) ready.push_back(i);
    }
    std::vector<char> removed(n, 0);
    std::size_t peeled = 0;
    while (!ready.empty()) {
      Index i = ready.back();
      ready.pop_back();
      removed[i] = 1;
      ++peeled;
      for (Index c : cs(i)) {
        if (--pending[c] == 0) ready.push_back(c);
      }
    }
    if (peeled == n) return;
    // Reverse peel among the leftover: drop revisions with no leftover child.
    std::vector<std::uint32_t> live_children(n, 0);
    for (Index i = 0; i < n; ++i) {
      if (removed[i]) continue;
      for (Index c : cs(i)) live_children[i] += removed[c] ? 0 : 1;
      if (live_children[i] == 0) ready.push_back(i);
    }
    while (!ready.empty()) {
      Index i = ready.back();
      ready.pop_back();
      removed[i] = 1;
      for (Index p : ps(i)) {
        if (!removed[p] && --live_children[p] == 0) ready.push_back(p);
      }
    }
    std::vector<std::string> in_cycle;
    for (Index i = 0; i < n; ++i) {
      if (!removed[i]) in_cycle.push_back(revisions_[i].id);
    }
    throw RevisionError(std::string(down_only ? "Cycle" : "Dependency cycle") +
                        " is detected in revisions (" + fmt::format("{}", fmt::join(in_cycle, ", ")) + ")");
  };
  report_cycle(true);
  report_cycle(false);
}

bool RevisionMap::contains(std::string_view id) const { return find(id).has_value(); }

const Revision& RevisionMap::get(std::string_view id) const { return revisions_[index_of(id)]; }

const std::vector<Revision>& RevisionMap::revisions() const { return revisions_; }

std::optional<RevisionMap::Index> RevisionMap::find(std::string_view id) const {
  auto it = std::lower_bound(revisions_.begin(), revisions_.end(), id,
                             [](const Revision& r, std::string_view key) { return r.id < key; });
  if (it == revisions_.end() || it->id != id) return std::nullopt;
  return static_cast<Index>(it - revisions_.begin());
}

RevisionMap::Index RevisionMap::index_of(std::string_view id) const {
  auto i = find(id);
  if (!i) throw RevisionError("Can't locate revision identified by '" + std::string(id) + "'");
  return *i;
}

std::optional<RevisionMap::Index> RevisionMap::find_label(std::string_view label) const {
  auto it = std::lower_bound(
      labels_.begin(), labels_.end(), label,
      [](const std::pair<std::string, Index>& e, std::string_view key) { return e.first < key; });
  if (it == labels_.end() || it->first != label) return std::nullopt;
  return it->second;
}

std::vector<RevisionMap::Index> RevisionMap::prefix_matches(std::string_view prefix) const {
  std::vector<Index> out;
  auto it = std::lower_bound(revisions_.begin(), revisions_.end(), prefix,
                             [](const Revision& r, std::string_view key) { return r.id < key; });
  for (; it != revisions_.end() && std::string_view(it->id).starts_with(prefix); ++it) {
    out.push_back(static_cast<Index>(it - revisions_.begin()));
  }
  return out;
}

std::span<const RevisionMap::Index> RevisionMap::parents(Index i) const {
  return {parents_.data() + parent_offsets_[i], parents_.data() + parent_offsets_[i + 1]};
}

std::span<const RevisionMap::Index> RevisionMap::down(Index i) const {
  return parents(i).first(down_counts_[i]);
}

std::span<const RevisionMap::Index> RevisionMap::children(Index i) const {
  return {children_.data() + child_offsets_[i], children_.data() + child_offsets_[i + 1]};
}

std::span<const RevisionMap::Index> RevisionMap::down_children(Index i) const {
  return {down_children_.data() + down_child_offsets_[i],
          down_children_.data() + down_child_offsets_[i + 1]};
}

std::vector<std::string> RevisionMap::heads() const {
  std::vector<std::string> out;
  for (Index i = 0; i < size(); ++i) {
    if (is_head(i)) out.push_back(revisions_[i].id);
  }
  return out;
}

std::vector<std::string> RevisionMap::down_heads() const {
  std::vector<std::string> out;
  for (Index i = 0; i < size(); ++i) {
    if (is_down_head(i)) out.push_back(revisions_[i].id);
  }
  return out;
}

std::vector<std::string> RevisionMap::bases() const {
  std::vector<std::string> out;
  for (Index i = 0; i < size(); ++i) {
    if (is_base(i)) out.push_back(revisions_[i].id);
  }
  return out;
}

}  // namespace migrate::graph
