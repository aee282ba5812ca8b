// Reads libpg_query's JSON parse tree by hand: the few fields wanted sit in a fixed order
// ("schemaname" right before "relname" in a RangeVar), so no JSON library is needed here.
#include "migrate/script/sql_objects.hpp"

#include <pg_query.h>

#include <algorithm>

namespace migrate::script {

namespace {

std::string parse_tree(const std::string& sql) {
  PgQueryParseResult result = pg_query_parse(sql.c_str());
  std::string tree = result.error ? "" : result.parse_tree;
  pg_query_free_parse_result(result);
  return tree;
}

// The JSON string starting at `pos` (just after its opening quote), unescaped; `pos` moves
// past its closing quote.
std::string json_string(const std::string& json, std::size_t& pos) {
  std::string out;
  while (pos < json.size() && json[pos] != '"') {
    if (json[pos] == '\\' && pos + 1 < json.size()) ++pos;  // \" and \\ as themselves
    out += json[pos++];
  }
  ++pos;
  return out;
}

// The value of `"key":"..."` found at or after `from`, before `limit`.
std::optional<std::string> string_field(const std::string& json, const std::string& key, std::size_t from,
                                        std::size_t limit = std::string::npos) {
  std::string needle = "\"" + key + "\":\"";
  auto at = json.find(needle, from);
  if (at == std::string::npos || at >= limit) return std::nullopt;
  std::size_t pos = at + needle.size();
  return json_string(json, pos);
}

// The relation whose "relname" key starts at `at`, qualified when its schemaname precedes it.
std::string relation_at(const std::string& json, std::size_t at) {
  std::size_t pos = at + std::string("\"relname\":\"").size();
  std::string name = json_string(json, pos);
  // A RangeVar is {"schemaname":"s","relname":"t",...} or {"relname":"t",...}.
  auto open = json.rfind('{', at);
  if (open != std::string::npos) {
    if (auto schema = string_field(json, "schemaname", open, at)) return *schema + "." + name;
  }
  return name;
}

}  // namespace

std::vector<std::string> relations_in(const std::string& sql) {
  std::string json = parse_tree(sql);
  std::vector<std::string> out;
  const std::string needle = "\"relname\":\"";
  for (auto at = json.find(needle); at != std::string::npos; at = json.find(needle, at + needle.size())) {
    std::string name = relation_at(json, at);
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
  }
  return out;
}

std::optional<ConcurrentIndex> concurrent_index_in(const std::string& sql) {
  std::string json = parse_tree(sql);
  const std::string statement = "{\"stmt\":{\"IndexStmt\":{";
  auto at = json.find(statement);
  // One statement only: a second "stmt" would be another statement's.
  if (at == std::string::npos || json.find("{\"stmt\":", at + 1) != std::string::npos) return std::nullopt;
  if (json.find("\"concurrent\":true", at) == std::string::npos) return std::nullopt;
  auto name = string_field(json, "idxname", at);
  auto relname = json.find("\"relname\":\"", at);
  if (!name || relname == std::string::npos) return std::nullopt;
  return ConcurrentIndex{*name, relation_at(json, relname)};
}

}  // namespace migrate::script
