// Target resolution with Alembic's rules (script/revision.py) and its error messages.
#include "migrate/graph/target_resolver.hpp"

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

#include "migrate/error.hpp"
#include "migrate/graph/nearest_names.hpp"
#include "migrate/graph/traversal.hpp"

namespace migrate::graph {
namespace {

using Index = RevisionMap::Index;

// Alembic lists only the first three candidates of an ambiguous prefix; a few more help more.
constexpr std::size_t kMaxCandidatesShown = 10;

std::string join_ids(const RevisionMap& map, std::span<const Index> revs,
                     std::string_view quote = "") {
  std::string out;
  for (auto i : revs) {
    if (!out.empty()) out += ", ";
    out += quote;
    out += map.id(i);
    out += quote;
  }
  return out;
}

// Alembic's words, then the ids and labels the user may have meant.
[[noreturn]] void throw_not_found(const RevisionMap& map, std::string_view ident) {
  std::string msg = "Can't locate revision identified by '" + std::string(ident) + "'";
  if (ident.size() < 4) {
    msg += "; please ensure at least four characters are present for partial revision "
           "identifier matches";
  }
  throw RevisionError(msg + did_you_mean(nearest_names(map, ident)));
}

// "+2" or "-1": a relative target's count without its anchor.
std::string signed_steps(int steps) { return (steps > 0 ? "+" : "-") + std::to_string(std::abs(steps)); }

// What to type instead of an ambiguous relative step: "d1@-1, d2@-1" (an id works as a
// branch name, narrowing the step to that revision's line).
std::string relative_choices(const RevisionMap& map, std::span<const Index> revs, int steps) {
  std::string out;
  for (auto i : revs) out += (out.empty() ? "" : ", ") + map.id(i) + "@" + signed_steps(steps);
  return out;
}

[[noreturn]] void throw_multiple_heads(std::string_view argument) {
  const std::string arg(argument);
  throw RevisionError("Multiple head revisions are present for given argument '" + arg +
                      "'; please specify a specific target revision, '<branchname>@" + arg +
                      "' to narrow to a specific head, or 'heads' for all heads");
}

// `why`, when given, says it plainly after Alembic's words.
[[noreturn]] void throw_relative(const Target& t, const std::string& why = "") {
  // Alembic names the signed count as written ("+5", "-2"); with an anchor we name it all.
  std::string written = t.has_anchor() ? t.text : signed_steps(t.steps);
  throw RevisionError("Relative revision " + written + " didn't produce " +
                      std::to_string(std::abs(t.steps)) + " migrations" + (why.empty() ? "" : ": " + why));
}

// A revision by exact id, exact label, or unique prefix (>= 4 characters), optionally
// required to share a line of descent with `branch`.
Index revision_for_ident(const RevisionMap& map, std::string_view ident,
                         const std::string& branch_label) {
  std::optional<Index> branch;
  std::vector<char> lineage;
  if (!branch_label.empty()) {
    branch = resolve_branch(map, branch_label);
    lineage = lineage_marks(map, *branch);
  }
  std::optional<Index> found = map.find(ident);
  if (!found) found = map.find_label(ident);
  if (!found) {
    std::vector<Index> candidates;
    if (ident.size() >= 4) candidates = map.prefix_matches(ident);
    if (branch) {
      std::erase_if(candidates, [&](Index i) { return !lineage[i]; });
    }
    if (candidates.empty()) throw_not_found(map, ident);
    if (candidates.size() > 1) {
      std::span<const Index> shown(candidates.data(), std::min(candidates.size(), kMaxCandidatesShown));
      throw RevisionError("Multiple revisions start with '" + std::string(ident) +
                          "': " + join_ids(map, shown, "'") +
                          (candidates.size() > shown.size() ? ", ..." : ""));
    }
    found = candidates.front();
  }
  if (branch && !lineage[*found]) {
    throw RevisionError("Revision " + map.id(*found) + " is not a member of branch '" +
                        branch_label + "'");
  }
  return *found;
}

// Heads over down edges on `branch_label`'s line (all down heads when there is no label).
std::vector<Index> down_heads_on(const RevisionMap& map, const std::string& branch_label) {
  std::vector<char> lineage;
  if (!branch_label.empty()) lineage = lineage_marks(map, resolve_branch(map, branch_label));
  std::vector<Index> out;
  for (Index i = 0; i < map.size(); ++i) {
    if (map.is_down_head(i) && (lineage.empty() || lineage[i])) out.push_back(i);
  }
  return out;
}

std::vector<Index> absolute(const RevisionMap& map, const Target& t) {
  switch (t.kind) {
    case Target::Kind::Base:
      return {};
    case Target::Kind::Heads: {
      if (!t.branch.empty()) return down_heads_on(map, t.branch);
      std::vector<Index> out;
      for (Index i = 0; i < map.size(); ++i) {
        if (map.is_head(i)) out.push_back(i);
      }
      return out;
    }
    case Target::Kind::Head: {
      auto heads = down_heads_on(map, t.branch);
      if (heads.size() > 1) throw_multiple_heads(t.text);
      return heads;
    }
    case Target::Kind::Revision:
      return {revision_for_ident(map, t.revision, t.branch)};
    case Target::Kind::Current:
      throw RevisionError("'current' needs the database's version table to resolve");
    case Target::Kind::Relative:
      break;
  }
  throw RevisionError("Relative revision " + t.text + " needs the current heads to resolve");
}

// One revision or base for `symbol`, read as an absolute target (Alembic's get_revision).
std::optional<Index> single(const RevisionMap& map, const std::string& branch,
                            const std::string& symbol, std::string_view argument) {
  Target t = parse_target(branch.empty() ? symbol : branch + "@" + symbol);
  if (t.is_relative()) throw_not_found(map, symbol);
  auto revs = absolute(map, t);
  if (revs.size() > 1) throw_multiple_heads(argument);
  if (revs.empty()) return std::nullopt;
  return revs.front();
}

struct Walk {
  bool ok;                  // false: walked past the end of the graph
  std::optional<Index> at;  // empty: base
  int taken = 0;            // steps walked before the end, when !ok
};

// Alembic's _walk: steps > 0 go up along down edges (only onto `lineage` when given),
// steps < 0 go down; a fork on the way is an error, as it is in Alembic.
Walk walk(const RevisionMap& map, std::optional<Index> start, int steps,
          const std::vector<char>* lineage) {
  std::optional<Index> at = start;
  for (int k = 0; k < std::abs(steps); ++k) {
    std::vector<Index> next;
    if (steps > 0) {
      if (at) {
        auto c = map.down_children(*at);
        next.assign(c.begin(), c.end());
      } else {
        for (Index i = 0; i < map.size(); ++i) {
          if (map.is_base(i)) next.push_back(i);
        }
      }
      if (lineage) std::erase_if(next, [&](Index i) { return !(*lineage)[i]; });
      if (next.empty()) return {false, at, k};
      if (next.size() > 1) {
        throw RevisionError("Ambiguous walk: " + (at ? "revision " + map.id(*at) : std::string("base")) +
                            " is followed by several revisions; name one instead: " + join_ids(map, next) +
                            " (or narrow with '<branchname>@+N')");
      }
      at = next.front();
    } else {
      if (!at) return {false, at, k};  // already at base
      auto d = map.down(*at);
      if (d.size() > 1) {
        // Downgrading to either parent takes the merge down and keeps both parents' lines.
        throw RevisionError("Ambiguous walk: revision " + map.id(*at) +
                            " is a merge point; name the revision to go down to instead: " + join_ids(map, d));
      }
      at = d.empty() ? std::nullopt : std::optional<Index>(d.front());
    }
  }
  return {true, at};
}

}  // namespace

std::vector<Index> all_current_tips(const RevisionMap& map, std::span<const Index> current) {
  auto applied = ancestor_marks(map, current, Edges::All);
  std::vector<Index> out;
  for (Index i = 0; i < map.size(); ++i) {
    if (!applied[i]) continue;
    auto c = map.down_children(i);
    if (std::none_of(c.begin(), c.end(), [&](Index j) { return applied[j] != 0; })) out.push_back(i);
  }
  return out;
}

Index resolve_branch(const RevisionMap& map, std::string_view label) {
  if (auto i = map.find_label(label)) return *i;
  if (auto i = map.find(label)) return *i;
  if (label.size() >= 4) {
    auto candidates = map.prefix_matches(label);
    if (candidates.size() == 1) return candidates.front();
  }
  throw RevisionError("No such branch: '" + std::string(label) + "'" + did_you_mean(nearest_names(map, label)));
}

std::vector<char> lineage_marks(const RevisionMap& map, Index i) {
  const Index seed[] = {i};
  auto marks = ancestor_marks(map, seed, Edges::Down);
  auto below = descendant_marks(map, seed, Edges::Down);
  for (std::size_t k = 0; k < marks.size(); ++k) marks[k] |= below[k];
  return marks;
}

void check_no_overlap(const RevisionMap& map, std::span<const Index> revs) {
  if (revs.size() < 2) return;
  // One walk from all parents of all revs finds every rev that lies below another; only
  // on that (rare) error path do we walk again to name the revision above it.
  std::vector<Index> starts;
  for (auto r : revs) {
    auto p = map.parents(r);
    starts.insert(starts.end(), p.begin(), p.end());
  }
  auto below = ancestor_marks(map, starts, Edges::All);
  if (std::none_of(revs.begin(), revs.end(), [&](Index r) { return below[r] != 0; })) return;
  for (auto r : revs) {
    auto p = map.parents(r);
    auto mine = ancestor_marks(map, std::vector<Index>(p.begin(), p.end()), Edges::All);
    std::vector<Index> overlaps;
    for (auto o : revs) {
      if (o != r && mine[o]) overlaps.push_back(o);
    }
    if (!overlaps.empty()) {
      throw RevisionError("Requested revision " + map.id(r) +
                          " overlaps with other requested revisions " + join_ids(map, overlaps));
    }
  }
}

std::vector<Index> current_indices(const RevisionMap& map, const std::vector<std::string>& current) {
  std::vector<Index> out;
  for (const auto& id : current) {
    Index i = map.index_of(id);
    if (std::find(out.begin(), out.end(), i) == out.end()) out.push_back(i);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<Index> upgrade_destinations(const RevisionMap& map, std::span<const Index> current,
                                        const Target& t) {
  if (t.kind == Target::Kind::Current) return {current.begin(), current.end()};
  if (!t.is_relative()) return absolute(map, t);
  if (t.steps < 0) {
    if (!t.has_anchor()) throw_relative(t);  // upgrading to current - N is not an upgrade
    auto w = walk(map, single(map, t.branch, t.revision, t.text), t.steps, nullptr);
    if (!w.ok) throw_relative(t);
    return w.at ? std::vector<Index>{*w.at} : std::vector<Index>{};
  }
  std::vector<char> lineage;
  if (!t.branch.empty()) lineage = lineage_marks(map, resolve_branch(map, t.branch));
  const std::vector<char>* on_branch = t.branch.empty() ? nullptr : &lineage;

  std::optional<Index> start;
  if (t.has_anchor()) {
    start = single(map, {}, t.revision, t.text);
  } else {
    std::vector<Index> starts(current.begin(), current.end());
    if (on_branch) {
      std::erase_if(starts, [&](Index i) { return !lineage[i]; });
      if (starts.empty() && !current.empty()) {
        // The branch has no current head of its own: start from the highest applied
        // revisions on it (below a branch point), or from base.
        auto applied = ancestor_marks(map, current, Edges::All);
        std::vector<char> has_applied_child(map.size(), 0);
        for (Index i = 0; i < map.size(); ++i) {
          if (applied[i] && lineage[i]) {
            for (auto p : map.parents(i)) has_applied_child[p] = 1;
          }
        }
        for (Index i = 0; i < map.size(); ++i) {
          if (applied[i] && lineage[i] && !has_applied_child[i]) starts.push_back(i);
        }
      }
    }
    if (starts.size() > 1) {
      throw RevisionError("Ambiguous upgrade from multiple current revisions (" + join_ids(map, starts) +
                          "); name one instead: " + relative_choices(map, starts, t.steps));
    }
    if (!starts.empty()) start = starts.front();
  }
  auto w = walk(map, start, t.steps, on_branch);
  if (!w.ok || !w.at) throw_relative(t);
  return {*w.at};
}

DowngradeDestination downgrade_destination(const RevisionMap& map, std::span<const Index> current,
                                           const Target& t) {
  DowngradeDestination out;
  if (!t.branch.empty()) out.branch = resolve_branch(map, t.branch);
  if (!t.is_relative()) {
    if (t.kind == Target::Kind::Base) return out;
    if (t.kind == Target::Kind::Current) {
      if (current.size() > 1) throw_multiple_heads(t.text);
      if (!current.empty()) out.revision = current.front();
      return out;
    }
    auto revs = absolute(map, t);
    if (revs.size() > 1) throw_multiple_heads(t.text);
    if (!revs.empty()) out.revision = revs.front();
    return out;
  }
  if (t.steps > 0) {
    if (!t.has_anchor()) throw_relative(t);  // downgrading to current + N is not a downgrade
    std::vector<char> lineage;
    if (out.branch) lineage = lineage_marks(map, *out.branch);
    auto w = walk(map, single(map, {}, t.revision, t.text), t.steps, out.branch ? &lineage : nullptr);
    if (!w.ok) throw_relative(t);
    out.revision = w.at;
    return out;
  }
  std::optional<Index> start;
  if (t.has_anchor()) {
    start = single(map, t.branch, t.revision, t.text);
  } else if (out.branch) {
    auto lineage = lineage_marks(map, *out.branch);
    std::vector<Index> on_branch;
    for (auto c : current) {
      if (lineage[c]) on_branch.push_back(c);
    }
    if (on_branch.empty()) {
      // Every current head of that branch is below a head that depends on it.
      for (auto c : all_current_tips(map, current)) {
        if (lineage[c]) on_branch.push_back(c);
      }
    }
    if (on_branch.empty()) throw_relative(t);
    if (on_branch.size() > 1) {
      throw RevisionError("Ambiguous downgrade " + t.text + ": branch '" + t.branch +
                          "' has several current heads (" + join_ids(map, on_branch) +
                          "); name one instead: " + relative_choices(map, on_branch, t.steps));
    }
    start = on_branch.front();
  } else {
    if (current.empty()) throw_relative(t, "the database is already at base");
    if (current.size() > 1) {
      // Alembic warns and picks one arbitrarily; we refuse rather than guess.
      throw RevisionError("Relative downgrade " + t.text + " from multiple heads (" + join_ids(map, current) +
                          ") is ambiguous; name one instead: " + relative_choices(map, current, t.steps));
    }
    start = current.front();
    out.branch = start;  // narrow the downgrade to the line of the head we walk down from
  }
  auto w = walk(map, start, t.steps, nullptr);
  if (!w.ok) {
    const std::string from = t.has_anchor() ? t.revision : "the database";
    throw_relative(t, w.taken == 0 ? from + " is already at base"
                                   : fmt::format("{} is only {} revision{} above base", from, w.taken,
                                                 w.taken == 1 ? "" : "s"));
  }
  out.revision = w.at;
  return out;
}

std::vector<std::string> resolve_target(const RevisionMap& map, const Target& target,
                                        const std::vector<std::string>& current) {
  auto cur = current_indices(map, current);
  std::vector<Index> revs;
  if (target.is_relative() && target.steps < 0) {
    if (auto r = downgrade_destination(map, cur, target).revision) revs.push_back(*r);
  } else {
    revs = upgrade_destinations(map, cur, target);
  }
  std::vector<std::string> out;
  for (auto i : revs) out.push_back(map.id(i));
  return out;
}

std::vector<std::string> resolve_target(const RevisionMap& map, std::string_view target,
                                        const std::vector<std::string>& current) {
  return resolve_target(map, parse_target(target), current);
}

}  // namespace migrate::graph
