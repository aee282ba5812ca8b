// Creating, bootstrapping, upgrading and always dropping the scratch database.
#include "migrate/autogen/scratch_database.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <sstream>

#include <migrate/error.hpp>

#include "migrate/db/connection.hpp"
#include "migrate/db/session.hpp"
#include "migrate/ops/quote.hpp"
#include "migrate/runtime/run.hpp"
#include "migrate/script/sql_revision.hpp"

namespace migrate::autogen {

namespace {

// The pid tells whose it is; the random part keeps two runs of one pid namespace apart.
std::string unique_name() {
  std::random_device random;
  return fmt::format("migrate_scratch_{}_{:08x}", static_cast<long>(getpid()), random());
}

// The same kind (and so exit code), the message saying where it happened.
[[noreturn]] void rethrow_in(const std::string& where, const Error& e) {
  Error error(e.kind(), "--from-revisions: " + where + ": " + e.what());
  error.set_detail(e.detail());
  throw error;
}

}  // namespace

ScratchDatabase::ScratchDatabase(const script::Project& project, const EnvironmentContext& env)
    : admin_(std::make_unique<db::Session>(env.url)), name_(unique_name()), env_(env) {
  const auto& cfg = project.config();
  try {
    admin_->sink().execute(fmt::format("CREATE DATABASE {} TEMPLATE {}", ops::quote_ident(name_),
                                       ops::quote_ident(cfg.from_revisions_template)));
  } catch (const DatabaseError& e) {
    rethrow_in(fmt::format("creating the scratch database {} (needs the CREATEDB right)", name_), e);
  }
  try {
    env_.url = db::with_database(env.url, name_);
    if (!cfg.from_revisions_bootstrap.empty()) bootstrap(cfg.from_revisions_bootstrap);
    if (project.map().size() != 0) {
      runtime::StepObserver quiet;
      runtime::Request upgrade;
      upgrade.targets = {"heads"};
      try {
        runtime::run_online(project, upgrade, quiet, env_);
      } catch (const Error& e) {
        rethrow_in("upgrading the scratch database to the heads", e);
      }
    }
  } catch (...) {
    drop();
    throw;
  }
}

ScratchDatabase::~ScratchDatabase() { drop(); }

void ScratchDatabase::bootstrap(const std::string& file) const {
  std::ifstream in(file);
  if (!in) throw ConfigError(fmt::format("from_revisions_bootstrap: cannot read {}", file));
  std::stringstream text;
  text << in.rdbuf();
  db::Session session(env_.url);
  auto& sink = session.sink();
  sink.begin();
  try {
    for (const auto& sql : script::split_statements(text.str(), file, 1)) sink.execute(sql);
    sink.commit();
  } catch (const Error& e) {
    rethrow_in("running from_revisions_bootstrap " + file, e);
  }
}

void ScratchDatabase::drop() noexcept {
  if (!admin_) return;
  try {
    admin_->sink().execute(fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", ops::quote_ident(name_)));
  } catch (const std::exception& e) {
    spdlog::error("--from-revisions: could not drop the scratch database {}: {}", name_, e.what());
  }
  admin_.reset();
}

}  // namespace migrate::autogen
