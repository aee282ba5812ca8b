// The C++ revision template. The body is a member of a class in namespace migrate, so
// `Ops`, `Column` and the types need neither a qualifier nor a using-directive.
#include "migrate/script/cpp_revision.hpp"

#include <fmt/format.h>

#include "migrate/ops/render_cpp.hpp"

namespace migrate::script {

namespace {

// An empty body still names `op`, marked unused so -Wunused-parameter stays quiet.
std::string body(const char* name, const std::vector<Operation>& operations) {
  if (operations.empty()) return fmt::format("  void {}([[maybe_unused]] Ops& op) override {{\n  }}\n", name);
  return fmt::format("  void {}(Ops& op) override {{\n{}  }}\n", name, ops::render_cpp(operations, 4));
}

}  // namespace

std::string cpp_revision_text(const graph::Revision& meta, const std::vector<Operation>& upgrade,
                              const std::vector<Operation>& downgrade) {
  using ops::cpp_string;
  using ops::cpp_strings;
  std::string fields = fmt::format(".id = {}, .down = {},\n    .message = {},\n    .created = {}", cpp_string(meta.id),
                                   cpp_strings(meta.down_revisions), cpp_string(meta.message),
                                   cpp_string(meta.create_date));
  if (!meta.branch_labels.empty()) fields += fmt::format(",\n    .branch_labels = {}", cpp_strings(meta.branch_labels));
  if (!meta.depends_on.empty()) fields += fmt::format(",\n    .depends_on = {}", cpp_strings(meta.depends_on));
  return fmt::format(
      "// {message}\n//\n// Revision ID: {id}\n// Revises: {down}\n// Create Date: {date}\n"
      "#include <migrate/revision.hpp>\n\nMIGRATE_REVISION({fields}) {{\n{up}\n{down_body}}};\n",
      fmt::arg("message", meta.message), fmt::arg("id", meta.id),
      fmt::arg("down", fmt::join(meta.down_revisions, ", ")), fmt::arg("date", meta.create_date),
      fmt::arg("fields", fields), fmt::arg("up", body("upgrade", upgrade)),
      fmt::arg("down_body", body("downgrade", downgrade)));
}

}  // namespace migrate::script
