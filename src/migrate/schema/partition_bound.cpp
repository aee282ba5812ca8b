// Reading FOR VALUES clauses: lists split at top-level commas, outside quotes and parentheses.
#include "migrate/schema/partition_bound.hpp"

#include <cctype>
#include <vector>

namespace migrate::schema {

namespace {

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(' ');
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

// Reads "( a, 'b,c', f(x, y) )" starting at `pos` (which must be at the '('); leaves `pos` after
// the closing parenthesis. nullopt when the text does not have that shape.
std::optional<std::vector<std::string>> paren_list(const std::string& s, size_t& pos) {
  while (pos < s.size() && s[pos] == ' ') ++pos;
  if (pos >= s.size() || s[pos] != '(') return std::nullopt;
  std::vector<std::string> items;
  std::string item;
  int depth = 0;
  bool quoted = false;
  for (++pos; pos < s.size(); ++pos) {
    char c = s[pos];
    if (quoted) {
      item += c;
      if (c == '\'') quoted = false;  // a doubled '' reopens at the next character
      continue;
    }
    if (c == '\'') quoted = true;
    else if (c == '(') ++depth;
    else if (c == ')' && depth == 0) {
      items.push_back(trim(item));
      ++pos;
      return items;
    } else if (c == ')') --depth;
    else if (c == ',' && depth == 0) {
      items.push_back(trim(item));
      item.clear();
      continue;
    }
    item += c;
  }
  return std::nullopt;
}

bool take(const std::string& s, size_t& pos, const std::string& word) {
  while (pos < s.size() && s[pos] == ' ') ++pos;
  if (s.compare(pos, word.size(), word) != 0) return false;
  pos += word.size();
  return true;
}

std::optional<int> hash_part(const std::string& item, const std::string& key) {
  if (item.rfind(key + " ", 0) != 0) return std::nullopt;
  std::string digits = trim(item.substr(key.size()));
  if (digits.empty()) return std::nullopt;
  for (char c : digits)
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  return std::stoi(digits);
}

}  // namespace

std::optional<PartitionBound> parse_partition_bound(const std::string& text) {
  const std::string s = trim(text);
  if (s == "DEFAULT") return PartitionBound::default_partition();
  size_t pos = 0;
  if (!take(s, pos, "FOR VALUES")) return std::nullopt;
  std::optional<PartitionBound> out;
  if (take(s, pos, "FROM")) {
    auto from = paren_list(s, pos);
    if (!from || !take(s, pos, "TO")) return std::nullopt;
    auto to = paren_list(s, pos);
    if (!to) return std::nullopt;
    out = PartitionBound::range(*from, *to);
  } else if (take(s, pos, "IN")) {
    auto in = paren_list(s, pos);
    if (!in) return std::nullopt;
    out = PartitionBound::list(*in);
  } else if (take(s, pos, "WITH")) {
    auto parts = paren_list(s, pos);
    if (!parts || parts->size() != 2) return std::nullopt;
    auto modulus = hash_part((*parts)[0], "modulus");
    auto remainder = hash_part((*parts)[1], "remainder");
    if (!modulus || !remainder) return std::nullopt;
    out = PartitionBound::hash(*modulus, *remainder);
  }
  if (out && trim(s.substr(pos)).empty()) return out;
  return std::nullopt;
}

}  // namespace migrate::schema
