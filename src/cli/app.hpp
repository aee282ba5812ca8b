// The CLI's top level: builds the CLI11 app from the command groups and runs it.
#pragma once

namespace migrate::cli {

int run(int argc, char** argv);

}  // namespace migrate::cli
