// parse_target: the target grammar's syntax, following Alembic's `(LABEL@)?(REV)?([+-]N)` rule.
#include "migrate/graph/target.hpp"

#include <algorithm>
#include <charconv>

#include "migrate/error.hpp"

namespace migrate::graph {

Target parse_target(std::string_view text) {
  Target t;
  t.text = std::string(text);
  if (text.empty()) throw RevisionError("Empty revision target");

  std::string_view rest = text;
  // The label is everything before the first '@' (Alembic splits once, from the left).
  if (auto at = text.find('@'); at != std::string_view::npos) {
    t.branch = std::string(text.substr(0, at));
    rest = text.substr(at + 1);
    if (t.branch.empty()) throw RevisionError("Missing branch label before '@' in '" + t.text + "'");
    if (rest.empty()) throw RevisionError("Missing revision after '@' in '" + t.text + "'");
  }

  // Ids may not contain '+' or '-', so a trailing sign followed only by digits is a move.
  auto sign = rest.find_last_of("+-");
  if (sign != std::string_view::npos && sign + 1 < rest.size()) {
    auto digits = rest.substr(sign + 1);
    if (std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      int n = 0;
      auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
      if (ec != std::errc() || ptr != digits.data() + digits.size()) {
        throw RevisionError("Relative revision " + std::string(rest.substr(sign)) + " is too large");
      }
      if (n == 0) {
        throw RevisionError("Relative revision " + std::string(rest.substr(sign)) +
                            " is not a move; use a count of at least 1");
      }
      t.kind = Target::Kind::Relative;
      t.steps = rest[sign] == '+' ? n : -n;
      t.revision = std::string(rest.substr(0, sign));
      return t;
    }
  }

  if (rest == "head") {
    t.kind = Target::Kind::Head;
  } else if (rest == "heads") {
    t.kind = Target::Kind::Heads;
  } else if (rest == "base") {
    t.kind = Target::Kind::Base;
  } else if (rest == "current" && t.branch.empty()) {
    t.kind = Target::Kind::Current;
  } else {
    t.kind = Target::Kind::Revision;
    t.revision = std::string(rest);
  }
  return t;
}

std::optional<Range> parse_range(std::string_view text) {
  auto colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  return Range{std::string(text.substr(0, colon)), std::string(text.substr(colon + 1))};
}

}  // namespace migrate::graph
