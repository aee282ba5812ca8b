// The embedded Python program alembic_reader runs.
#pragma once

namespace migrate::importer {

extern const char* const reader_script;

}  // namespace migrate::importer
