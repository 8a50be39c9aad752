// upspec: conformance suite, reference implementation and fuzzing harness for the GraphQL
// multipart request specification.

#include <CLI/CLI.hpp>

#include "commands/corpus_command.hpp"
#include "commands/fuzz_command.hpp"
#include "commands/reference_command.hpp"
#include "commands/report_command.hpp"
#include "commands/run_command.hpp"
#include "commands/serve_command.hpp"

int main(int argc, char** argv) {
  CLI::App app{
      "upspec: the conformance suite and reference behaviour for the GraphQL multipart request "
      "specification (file uploads)."};
  app.require_subcommand(1);
  upspec::cli::add_reference_command(app);
  upspec::cli::add_corpus_command(app);
  upspec::cli::add_run_command(app);
  upspec::cli::add_fuzz_command(app);
  upspec::cli::add_report_command(app);
  upspec::cli::add_serve_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return 0;
}
