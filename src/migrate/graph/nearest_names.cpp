// Nearest names by optimal string alignment distance (Levenshtein plus adjacent swaps).
#include "migrate/graph/nearest_names.hpp"

#include <algorithm>
#include <numeric>
#include <utility>

namespace migrate::graph {
namespace {

// Edits (insert, delete, substitute, swap two neighbours) from a to b, in three rows.
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), row(b.size() + 1);
  std::iota(previous.begin(), previous.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) row[j] = std::min(row[j], before[j - 2] + 1);
    }
    std::swap(before, previous);
    std::swap(previous, row);
  }
  return previous[b.size()];
}

// Ids are at most 32 characters (the version table's column); a label a little more.
constexpr std::size_t kLongestCompared = 128;

}  // namespace

std::vector<std::string> nearest_names(const RevisionMap& map, std::string_view typed, std::size_t limit) {
  if (typed.empty() || typed.size() > kLongestCompared) return {};
  // About one edit in four characters, at most three: more finds noise. Below three
  // characters any name is an edit or two away, so only what `typed` starts counts.
  const std::size_t allowed = typed.size() < 3 ? 0 : std::clamp<std::size_t>(typed.size() / 4, 1, 3);
  std::vector<std::pair<std::size_t, std::string>> near;
  auto consider = [&](const std::string& name) {
    if (name.size() > kLongestCompared) return;
    const std::string_view n(name);
    std::size_t d = 0;  // `typed` starts the name: a prefix too short to be looked up
    if (n.substr(0, typed.size()) != typed) {
      d = distance(typed, n);
      // A prefix (four characters or more, as lookups take them) with a typo.
      if (typed.size() >= 4 && typed.size() < n.size()) d = std::min(d, distance(typed, n.substr(0, typed.size())));
    }
    if (d <= allowed) near.emplace_back(d, name);
  };
  for (const auto& r : map.revisions()) {
    consider(r.id);
    for (const auto& label : r.branch_labels) consider(label);
  }
  std::sort(near.begin(), near.end());
  std::vector<std::string> out;
  for (auto& [d, name] : near) {
    if (out.size() == limit) break;
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
  }
  return out;
}

std::string did_you_mean(const std::vector<std::string>& names) {
  if (names.empty()) return "";
  std::string out = "; did you mean " + names.front();
  for (std::size_t i = 1; i < names.size(); ++i) out += (i + 1 == names.size() ? " or " : ", ") + names[i];
  return out + "?";
}

}  // namespace migrate::graph
