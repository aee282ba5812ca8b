// draw_lanes(): git's lane layout. Each lane waits for one revision; a revision takes the
// leftmost lane waiting for it (or opens one on the right), its first parent continues that
// lane, further parents open lanes just right of it, and lanes that now wait for the same
// revision join the leftmost of them, one column per line.
#include "migrate/graph/graph_drawing.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

namespace migrate::graph {
namespace {

using Index = RevisionMap::Index;
constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

// Character 2p is lane p; 2p+1 is the gap right of it, where `\` and `/` go.
class Row {
 public:
  void put(std::size_t at, char c) {
    if (text_.size() <= at) text_.resize(at + 1, ' ');
    text_[at] = c;
  }
  void lane(std::size_t p) { put(2 * p, '|'); }
  void right_of(std::size_t p) { put(2 * p + 1, '\\'); }  // from lane p down to p + 1
  void left_of(std::size_t p) { put(2 * p - 1, '/'); }    // from lane p down to p - 1
  // The row as printed: a label starts at column 2 * width (after the lanes it must clear).
  std::string text(std::size_t width = 0, const std::string& label = "") && {
    if (!label.empty()) {
      text_.resize(std::max(text_.size(), 2 * width), ' ');
      text_ += label;
    }
    while (!text_.empty() && text_.back() == ' ') text_.pop_back();
    return std::move(text_);
  }

 private:
  std::string text_;
};

// A line of descent between two revision lines: the revision it leads to, where it is and
// the lane it must reach.
struct Edge {
  Index target;
  std::size_t pos;
  std::size_t dest = 0;
};

}  // namespace

std::vector<std::string> draw_lanes(const RevisionMap& map, std::span<const Index> order,
                                    const std::function<std::string(Index)>& label) {
  std::vector<char> listed(map.size(), 0), drawn(map.size(), 0);
  for (auto i : order) listed[i] = 1;
  std::vector<std::size_t> lane_of(map.size(), none);  // scratch: a target's final lane
  std::vector<Index> lanes;                            // the revision each lane waits for
  std::vector<std::string> out;
  std::vector<Edge> edges;
  for (Index r : order) {
    drawn[r] = 1;
    auto found = std::find(lanes.begin(), lanes.end(), r);
    const std::size_t col = static_cast<std::size_t>(found - lanes.begin());
    if (found == lanes.end()) lanes.push_back(r);

    // Where each line continues below the revision: the left lanes stay, the first parent
    // takes `col`, a parent some lane on the left already waits for is reached straight
    // from `col`, any other parent opens a lane, and the right lanes make room.
    edges.clear();
    for (std::size_t i = 0; i < col; ++i) edges.push_back({lanes[i], i});
    std::size_t opened = 0;
    bool has_parent = false;
    for (auto p : map.down(r)) {
      if (!listed[p] || drawn[p]) continue;
      bool seen = std::any_of(edges.begin() + static_cast<std::ptrdiff_t>(col), edges.end(),
                              [p](const Edge& e) { return e.target == p; });
      if (seen) continue;
      if (!has_parent || std::find(lanes.begin(), lanes.begin() + static_cast<std::ptrdiff_t>(col), p) !=
                             lanes.begin() + static_cast<std::ptrdiff_t>(col)) {
        edges.push_back({p, col});
      } else {
        edges.push_back({p, col + ++opened});
      }
      has_parent = true;
    }
    for (std::size_t i = col + 1; i < lanes.size(); ++i) edges.push_back({lanes[i], i + opened});

    // An octopus merge fans out from a `*-.` ; lanes on its right step aside first.
    const std::size_t spread = opened > 1 ? opened - 1 : 0;
    for (std::size_t s = 0; s < spread && col + 1 < lanes.size(); ++s) {
      Row row;
      for (std::size_t i = 0; i <= col; ++i) row.lane(i);
      for (std::size_t i = col + 1; i < lanes.size(); ++i) row.right_of(i + s);
      out.push_back(std::move(row).text());
    }
    Row commit;
    for (std::size_t i = 0; i < col; ++i) commit.lane(i);
    commit.put(2 * col, '*');
    for (std::size_t c = 2 * col + 1; spread > 0 && c < 2 * (col + spread); ++c) commit.put(c, '-');
    if (spread > 0) commit.put(2 * (col + spread), '.');
    for (std::size_t i = col + 1; i < lanes.size(); ++i) commit.lane(i + spread);
    // A merge's label clears the lanes it opens, as git's does.
    out.push_back(std::move(commit).text(lanes.size() + opened, label(r)));
    if (opened > 0) {
      Row fan;
      for (std::size_t i = 0; i <= col; ++i) fan.lane(i);
      for (std::size_t t = 1; t <= opened; ++t) fan.right_of(col + t - 1);
      for (std::size_t i = col + 1; i < lanes.size(); ++i) fan.right_of(i + opened - 1);
      out.push_back(std::move(fan).text());
    }

    // Lanes waiting for the same revision join the leftmost one; a lane that ended (a base,
    // or a parent outside `order`) leaves a gap that the lanes on its right close.
    lanes.clear();
    for (auto& e : edges) {
      if (lane_of[e.target] == none) {
        lane_of[e.target] = lanes.size();
        lanes.push_back(e.target);
      }
      e.dest = lane_of[e.target];
    }
    for (const auto& e : edges) lane_of[e.target] = none;
    for (bool moving = true; moving;) {
      moving = false;
      Row row;
      for (auto& e : edges) {
        if (e.pos > e.dest) {
          row.left_of(e.pos--);
          moving = true;
        } else {
          row.lane(e.pos);
        }
      }
      if (moving) out.push_back(std::move(row).text());
    }
  }
  return out;
}

std::string depends_note(const Revision& rev) {
  return rev.depends_on.empty() ? "" : fmt::format(" (depends on {})", fmt::join(rev.depends_on, ", "));
}

}  // namespace migrate::graph
