// Test program for embed_texts.cmake: links only a file migrate_embed_sql wrote and writes
// back the text it registered, so the script can compare it with the .sql byte for byte.
#include <migrate/embedded_sql.hpp>

#include <fstream>

namespace migrate {
std::vector<EmbeddedSql>& embedded_sql() {
  static std::vector<EmbeddedSql> files;
  return files;
}
}  // namespace migrate

int main(int argc, char** argv) {
  if (argc != 2 || migrate::embedded_sql().size() != 1) return 2;
  std::ofstream(argv[1], std::ios::binary) << migrate::embedded_sql().front().text;
  return 0;
}
