// Recognising Alembic's own statements by their parse tree, never by their text.
#include "migrate/importer/version_statements.hpp"

#include <pg_query.h>

#include <nlohmann/json.hpp>
#include <vector>

#include "migrate/script/sql_revision.hpp"

namespace migrate::importer {

namespace {

// The one statement's node, e.g. {"InsertStmt": {...}}; null when it does not parse.
nlohmann::json statement_node(const std::string& statement) {
  PgQueryParseResult result = pg_query_parse(statement.c_str());
  nlohmann::json node;
  if (!result.error) {
    auto tree = nlohmann::json::parse(result.parse_tree, nullptr, false);
    if (tree.is_object() && tree.contains("stmts") && tree["stmts"].size() == 1) node = tree["stmts"][0]["stmt"];
  }
  pg_query_free_parse_result(result);
  return node;
}

bool is_table(const nlohmann::json& range_var, const VersionTableName& table) {
  if (!range_var.is_object()) return false;
  return range_var.value("relname", std::string()) == table.name &&
         range_var.value("schemaname", std::string()) == table.schema;
}

// DROP TABLE's objects are name lists: ["schema", "table"] or ["table"].
bool drops_table(const nlohmann::json& drop, const VersionTableName& table) {
  if (drop.value("removeType", std::string()) != "OBJECT_TABLE" || !drop.contains("objects") || drop["objects"].size() != 1)
    return false;
  std::vector<std::string> names;
  // const operator[] on a missing key is undefined: read through pointers with defaults.
  for (const auto& item : drop.value(nlohmann::json::json_pointer("/objects/0/List/items"), nlohmann::json::array())) {
    auto s = item.value("String", nlohmann::json::object());
    names.push_back(s.value("sval", s.value("str", "")));  // "str" before libpg_query 15
  }
  if (table.schema.empty()) return names == std::vector<std::string>{table.name};
  return names == std::vector<std::string>{table.schema, table.name};
}

bool is_version_statement(const nlohmann::json& node, const VersionTableName& table) {
  for (const char* kind : {"InsertStmt", "UpdateStmt", "DeleteStmt", "CreateStmt"})
    if (node.contains(kind)) return is_table(node[kind].value("relation", nlohmann::json()), table);
  if (node.contains("DropStmt")) return drops_table(node["DropStmt"], table);
  return false;
}

bool is_transaction(const nlohmann::json& node, const char* kind) {
  return node.contains("TransactionStmt") && node["TransactionStmt"].value("kind", std::string()) == kind;
}

}  // namespace

std::string without_version_statements(const std::string& sql, const VersionTableName& table, const std::string& file) {
  auto statements = script::split_statements(sql, file, 1);
  std::vector<nlohmann::json> nodes;
  for (const auto& s : statements) nodes.push_back(statement_node(s));
  std::string out;
  for (size_t i = 0; i < statements.size(); ++i) {
    if (i == 0 && is_transaction(nodes[i], "TRANS_STMT_BEGIN")) continue;
    if (i + 1 == statements.size() && is_transaction(nodes[i], "TRANS_STMT_COMMIT")) continue;
    if (is_version_statement(nodes[i], table)) continue;
    out += (out.empty() ? "" : "\n") + statements[i] + ";\n";
  }
  return out;
}

}  // namespace migrate::importer
