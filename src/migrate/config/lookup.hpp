// Which config file a run reads when -c is not given.
#pragma once
#include <optional>
#include <string>

namespace migrate::config {

// migrate.ini, else Alembic's alembic.ini, in `start` and then each parent folder up to the
// root, as git finds .git: a command works from any folder of the project. nullopt: none.
std::optional<std::string> find_config_file(const std::string& start);

}  // namespace migrate::config
