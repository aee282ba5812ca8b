// The `migrate` executable's entry point: parse, dispatch, map errors to exit codes.
#include "cli/app.hpp"

int main(int argc, char** argv) { return migrate::cli::run(argc, argv); }
