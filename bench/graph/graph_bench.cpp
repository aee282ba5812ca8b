// Benchmark of the revision graph: load+validate, plan and history on generated 10^4..10^5-revision graphs.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "migrate/graph/history.hpp"
#include "migrate/graph/plan.hpp"
#include "migrate/graph/revision_map.hpp"

using migrate::graph::Revision;

namespace {

// 12 hex digits, like Alembic's default ids, so string costs are realistic.
std::string id_of(std::size_t i) {
  char buf[16];
  // An odd multiplier modulo 2^48 is a bijection: distinct, scattered ids.
  std::snprintf(buf, sizeof buf, "%012llx", (static_cast<unsigned long long>(i) * 2654435761ULL) & 0xffffffffffffULL);
  return buf;
}

Revision make(std::size_t i, std::vector<std::string> down) {
  Revision r;
  r.id = id_of(i);
  r.down_revisions = std::move(down);
  r.message = "revision number " + std::to_string(i);
  r.create_date = "2026-11-26 10:14:03";
  return r;
}

std::vector<Revision> chain(std::size_t n) {
  std::vector<Revision> revs;
  revs.reserve(n);
  for (std::size_t i = 0; i < n; ++i) revs.push_back(make(i, i ? std::vector{id_of(i - 1)} : std::vector<std::string>{}));
  return revs;
}

// A trunk that forks into 4 branches of 12 revisions every 20 revisions and merges them
// back; every 10th fork leaves one branch unmerged (a head), every other one of those gets
// later revisions depending on it, and each fork's first branch gets a label. About one
// branch point and one merge per 69 revisions.
std::vector<Revision> branched(std::size_t n) {
  std::vector<Revision> revs;
  revs.reserve(n);
  std::size_t next = 0;
  std::string tip;
  std::string last_dangling;
  std::size_t fork = 0;
  auto add = [&](std::vector<std::string> down) {
    revs.push_back(make(next, std::move(down)));
    return id_of(next++);
  };
  tip = add({});
  while (next + 4 * 12 + 22 < n) {
    for (int k = 0; k < 20; ++k) tip = add({tip});
    std::vector<std::string> ends;
    for (int b = 0; b < 4; ++b) {
      std::string t = tip;
      for (int k = 0; k < 12; ++k) {
        t = add({t});
        if (k == 0 && b == 0) revs.back().branch_labels.push_back("feature" + std::to_string(fork));
        if (k == 5 && b == 1 && !last_dangling.empty()) revs.back().depends_on.push_back(last_dangling);
      }
      ends.push_back(t);
    }
    if (fork % 10 == 9) {
      std::string open = ends.back();  // that branch stays open: one more head
      ends.pop_back();
      // Every other open branch gets dependents later on, making it an effective head.
      last_dangling = (fork / 10) % 2 == 0 ? open : std::string();
    }
    tip = add(ends);
    ++fork;
  }
  while (next < n) tip = add({tip});
  return revs;
}

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

// Usage: graph_bench chain|branched N [repeats]. Prints one markdown table row; run each
// case in its own process so the peak RSS is that case's alone.
int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s chain|branched N [repeats]\n", argv[0]);
    return 2;
  }
  const std::string shape = argv[1];
  const std::size_t n = std::strtoul(argv[2], nullptr, 10);
  const int repeats = argc > 3 ? std::atoi(argv[3]) : 5;

  std::vector<double> load, up, down, hist;
  std::size_t heads = 0, steps_up = 0, steps_down = 0;
  for (int r = 0; r < repeats; ++r) {
    auto revs = shape == "chain" ? chain(n) : branched(n);
    auto t0 = std::chrono::steady_clock::now();
    migrate::graph::RevisionMap map(std::move(revs));
    load.push_back(ms_since(t0));

    t0 = std::chrono::steady_clock::now();
    auto u = migrate::graph::plan_upgrade(map, {}, "heads");
    up.push_back(ms_since(t0));

    auto h = map.heads();
    t0 = std::chrono::steady_clock::now();
    auto d = migrate::graph::plan_downgrade(map, h, "base");
    down.push_back(ms_since(t0));

    t0 = std::chrono::steady_clock::now();
    auto l = migrate::graph::history(map);
    hist.push_back(ms_since(t0));

    heads = h.size();
    steps_up = u.size();
    steps_down = d.size();
  }
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("| %s | %zu | %zu | %.1f | %.1f | %.1f | %.1f | %zu/%zu | %.1f |\n", shape.c_str(), n, heads,
              median(load), median(up), median(down), median(hist), steps_up, steps_down,
              ru.ru_maxrss / 1024.0);
  return 0;
}
