#include "commands/serve_command.hpp"

#include <chrono>
#include <cstdint>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "serve/reference_server.hpp"

namespace upspec::cli {
namespace {

struct serve_options {
  std::string host = "127.0.0.1";
  std::uint16_t port = 4000;
  std::uint64_t max_field_size = 1'000'000;
  std::optional<std::uint64_t> max_file_size;
  std::optional<std::uint64_t> max_files;
  double idle_timeout = 30;
  unsigned threads = 2;
  bool quiet = false;
};

int run_serve(const serve_options& o) {
  serve::server_options options;
  options.limits.max_field_size = o.max_field_size;
  options.limits.max_file_size = o.max_file_size;
  options.limits.max_files = o.max_files;
  options.idle_timeout =
      std::chrono::milliseconds(static_cast<std::int64_t>(o.idle_timeout * 1000));
  options.threads = o.threads;
  options.log = o.quiet ? nullptr : &std::cerr;

  serve::reference_server server(options);
  try {
    server.start(o.host, o.port);
  } catch (const serve::listen_error& e) {
    std::cerr << "upspec serve: " << e.what() << "\n";
    return 1;
  }
  server.stop_on_signals();
  // The first line is the contract with scripts that start the server on port 0.
  std::cout << "listening on " << server.url() << std::endl;
  server.run();
  if (!o.quiet) std::cerr << "upspec serve: stopped\n";
  return 0;
}

}  // namespace

void add_serve_command(CLI::App& app) {
  auto opts = std::make_shared<serve_options>();
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "Run the reference server: the conformance schema (harness/schema.graphql) at /graphql, "
      "answering GraphQL multipart requests exactly as `upspec reference` says, plus JSON POST "
      "and GET requests. Prints 'listening on URL' as its first line of standard output and a "
      "line per request on standard error; SIGINT or SIGTERM stops it.");
  cmd->add_option("--host", opts->host, "Address or name to listen on (default 127.0.0.1)");
  cmd->add_option("--port", opts->port, "Port to listen on; 0 picks a free one (default 4000)");
  cmd->add_option("--max-field-size", opts->max_field_size,
                  "Largest operations or map field, and JSON body, in bytes (default 1000000)");
  cmd->add_option("--max-file-size", opts->max_file_size,
                  "Largest file in bytes (default unlimited)");
  cmd->add_option("--max-files", opts->max_files, "Most files in the map (default unlimited)");
  cmd->add_option("--idle-timeout", opts->idle_timeout,
                  "Seconds a request head may take, and a body read, a write or an idle "
                  "keep-alive connection may wait (default 30)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--threads", opts->threads, "Threads serving connections (default 2)")
      ->check(CLI::Range(1u, 64u));
  cmd->add_flag("--quiet,-q", opts->quiet, "No log line per request");
  cmd->callback([opts] { throw CLI::RuntimeError(run_serve(*opts)); });
}

}  // namespace upspec::cli
