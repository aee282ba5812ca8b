// Fuzzes the target grammar (head, base:head, ae10+2, heads@branch, -1, ...): every text a
// user types after upgrade/downgrade/to/history -r reaches parse_target, parse_range and the
// planners. Properties: a target either parses or is refused with a RevisionError; what
// parses prints back to an equal Target; a range splits at the first ':' losslessly; on a
// fixed graph with branches, a merge, labels and a dependency, every plan either is refused
// with a RevisionError or names only known revisions, runs one way, and leaves a version
// table in which no revision is an ancestor of another.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_check.hpp"
#include "migrate/graph/plan.hpp"
#include "migrate/graph/revision_map.hpp"
#include "migrate/graph/target.hpp"
#include "migrate/graph/target_resolver.hpp"

namespace graph = migrate::graph;
using migrate::ErrorKind;

namespace {

graph::Revision rev(std::string id, std::vector<std::string> down, std::vector<std::string> labels = {},
                    std::vector<std::string> depends_on = {}) {
  graph::Revision r;
  r.id = std::move(id);
  r.down_revisions = std::move(down);
  r.branch_labels = std::move(labels);
  r.depends_on = std::move(depends_on);
  return r;
}

// Two ids share the prefix "ae10" (ambiguous), a branch point, a merge, a second base with
// its own label that depends on the first line.
const graph::RevisionMap& fixed_map() {
  static const graph::RevisionMap map({
      rev("1a2b3c4d", {}),
      rev("2b3c4d5e", {"1a2b3c4d"}),
      rev("ae1027a6", {"2b3c4d5e"}),
      rev("ae10bb01", {"ae1027a6"}, {"feature"}),
      rev("c0ffee01", {"ae10bb01"}),
      rev("d00d0001", {"ae1027a6"}),
      rev("e1e10001", {"c0ffee01", "d00d0001"}),
      rev("f00ba401", {}, {"other"}, {"2b3c4d5e"}),
      rev("f00ba402", {"f00ba401"}),
  });
  return map;
}

// Version tables the planners may meet: empty, mid-chain, both branches, merged plus the other base.
const std::vector<std::vector<std::string>> currents = {
    {}, {"2b3c4d5e"}, {"c0ffee01", "d00d0001"}, {"e1e10001", "f00ba401"}};

std::string print(const graph::Target& t) {
  std::string out = t.branch.empty() ? "" : t.branch + "@";
  switch (t.kind) {
    case graph::Target::Kind::Base: return out + "base";
    case graph::Target::Kind::Head: return out + "head";
    case graph::Target::Kind::Heads: return out + "heads";
    case graph::Target::Kind::Current: return out + "current";
    case graph::Target::Kind::Revision: return out + t.revision;
    case graph::Target::Kind::Relative:
      return out + t.revision + (t.steps > 0 ? "+" : "-") + std::to_string(t.steps > 0 ? t.steps : -int64_t{t.steps});
  }
  return out;
}

bool same(const graph::Target& a, const graph::Target& b) {
  return a.kind == b.kind && a.branch == b.branch && a.revision == b.revision && a.steps == b.steps;
}

void check_plan(const graph::RevisionMap& map, const std::vector<std::string>& current,
                const std::vector<graph::Step>& steps, const std::string& text) {
  std::vector<graph::Direction> directions;
  for (const auto& s : steps) {
    FUZZ_CHECK(map.contains(s.revision), "step of an unknown revision " + s.revision + " for " + fuzz::show(text));
    directions.push_back(s.direction);
  }
  FUZZ_CHECK(std::adjacent_find(directions.begin(), directions.end(), std::not_equal_to<>()) == directions.end(),
             "a plan that runs both ways for " + fuzz::show(text));
  std::vector<graph::RevisionMap::Index> after;
  for (const auto& id : graph::apply_steps(current, steps)) {
    auto i = map.find(id);
    FUZZ_CHECK(i.has_value(), "version table left with an unknown revision " + id + " for " + fuzz::show(text));
    FUZZ_CHECK(std::find(after.begin(), after.end(), *i) == after.end(),
               "version table left with " + id + " twice for " + fuzz::show(text));
    after.push_back(*i);
  }
  // Alembic's invariant of the version table: only heads of what is applied.
  bool overlap = !fuzz::refuses_only_with(ErrorKind::Revision, [&] { graph::check_no_overlap(map, after); });
  FUZZ_CHECK(!overlap, "plan leaves a revision and its ancestor in the version table for " + fuzz::show(text));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);

  if (auto range = graph::parse_range(text)) {
    FUZZ_CHECK(range->start.find(':') == std::string::npos, "range start holds ':' " + fuzz::show(text));
    FUZZ_CHECK(range->start + ":" + range->end == text, "range does not split losslessly " + fuzz::show(text));
  } else {
    FUZZ_CHECK(text.find(':') == std::string::npos, "no range found in " + fuzz::show(text));
  }

  graph::Target t;
  if (!fuzz::refuses_only_with(ErrorKind::Revision, [&] { t = graph::parse_target(text); })) return 0;
  FUZZ_CHECK(t.text == text, "text not kept: " + fuzz::show(t.text) + " for " + fuzz::show(text));
  if (auto at = text.find('@'); at != std::string::npos)
    FUZZ_CHECK(t.branch == text.substr(0, at) && !t.branch.empty(), "label is not what precedes the first '@' in " + fuzz::show(text));
  else
    FUZZ_CHECK(t.branch.empty(), "label without '@' in " + fuzz::show(text));
  FUZZ_CHECK(t.kind != graph::Target::Kind::Current || text == "current", "current from " + fuzz::show(text));
  FUZZ_CHECK(t.is_relative() == (t.steps != 0), "steps on a non-relative target " + fuzz::show(text));
  FUZZ_CHECK(t.kind != graph::Target::Kind::Revision || !t.revision.empty(), "empty revision from " + fuzz::show(text));

  const std::string printed = print(t);
  graph::Target again;
  bool reparsed = fuzz::refuses_only_with(ErrorKind::Revision, [&] { again = graph::parse_target(printed); });
  FUZZ_CHECK(reparsed && same(t, again), "printed target " + fuzz::show(printed) + " does not parse back for " + fuzz::show(text));

  const auto& map = fixed_map();
  for (const auto& current : currents) {
    fuzz::refuses_only_with(ErrorKind::Revision, [&] {
      for (const auto& id : graph::resolve_target(map, t, current))
        FUZZ_CHECK(map.contains(id), "resolved to an unknown revision " + id + " for " + fuzz::show(text));
    });
    std::vector<graph::Step> steps;
    if (fuzz::refuses_only_with(ErrorKind::Revision, [&] { steps = graph::plan_upgrade(map, current, t); })) {
      check_plan(map, current, steps, text);
      for (const auto& s : steps) FUZZ_CHECK(s.direction == graph::Direction::Up, "upgrade step down for " + fuzz::show(text));
    }
    if (fuzz::refuses_only_with(ErrorKind::Revision, [&] { steps = graph::plan_downgrade(map, current, t); })) {
      check_plan(map, current, steps, text);
      for (const auto& s : steps) FUZZ_CHECK(s.direction == graph::Direction::Down, "downgrade step up for " + fuzz::show(text));
    }
    if (fuzz::refuses_only_with(ErrorKind::Revision, [&] { steps = graph::plan_to(map, current, t); }))
      check_plan(map, current, steps, text);
  }
  return 0;
}
