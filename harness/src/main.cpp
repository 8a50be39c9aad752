// upspec: conformance suite, reference implementation and fuzzing harness for the GraphQL
// multipart request specification.

#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>

#include "commands/clients_command.hpp"
#include "commands/corpus_command.hpp"
#include "commands/fuzz_command.hpp"
#include "commands/reference_command.hpp"
#include "commands/report_command.hpp"
#include "commands/run_command.hpp"
#include "commands/serve_command.hpp"
#include "corpus/corpus_store.hpp"
#include "version.hpp"

int main(int argc, char** argv) {
  CLI::App app{
      "upspec: the conformance suite and reference behaviour for the GraphQL multipart request "
      "specification (file uploads)."};
  app.require_subcommand(1);
  // The corpus version is that of the cases this binary was built with; the folder is where it
  // reads cases from without --corpus, so a stale or foreign corpus shows here.
  app.set_version_flag("--version", [] {
    const auto corpus = std::filesystem::absolute(upspec::corpus::default_corpus_dir());
    return "upspec " + std::string(upspec::tool_version) + "\ncorpus " +
           std::string(upspec::corpus_version) + "\ndefault corpus folder: " + corpus.string() +
           (std::filesystem::is_directory(corpus) ? "" : " (not found)");
  });
  upspec::cli::add_reference_command(app);
  upspec::cli::add_corpus_command(app);
  upspec::cli::add_run_command(app);
  upspec::cli::add_clients_command(app);
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
