#include "commands/reference_command.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "upspec/request/outcome.hpp"

namespace upspec::cli {
namespace {

struct reference_options {
  std::string content_type;
  std::uint64_t max_field_size = 1'000'000;
  std::optional<std::uint64_t> max_file_size;
  std::optional<std::uint64_t> max_files;
  std::string input = "-";
  bool compact = false;
};

int run_reference(const reference_options& o) {
  std::FILE* in = stdin;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> owned(nullptr, &std::fclose);
  if (o.input != "-") {
    owned.reset(std::fopen(o.input.c_str(), "rb"));
    if (!owned) {
      std::cerr << "upspec reference: cannot open " << o.input << ": " << std::strerror(errno)
                << "\n";
      return 2;
    }
    in = owned.get();
  }
  request::limits lim;
  lim.max_field_size = o.max_field_size;
  lim.max_file_size = o.max_file_size;
  lim.max_files = o.max_files;
  request::outcome_builder builder;
  request::processor proc(o.content_type, lim, builder);
  // Streams the body: memory stays bounded by the parser and one read buffer.
  static char buffer[64 * 1024];
  while (!proc.settled()) {
    const std::size_t n = std::fread(buffer, 1, sizeof buffer, in);
    if (n > 0) proc.feed({buffer, n});
    if (n < sizeof buffer) {
      if (std::ferror(in)) {
        std::cerr << "upspec reference: cannot read " << o.input << ": " << std::strerror(errno)
                  << "\n";
        return 2;
      }
      break;
    }
  }
  proc.finish();
  std::cout << request::dump_json(builder.render(std::move(proc)), o.compact ? -1 : 2) << "\n";
  return 0;
}

}  // namespace

void add_reference_command(CLI::App& app) {
  auto opts = std::make_shared<reference_options>();
  CLI::App* cmd = app.add_subcommand(
      "reference",
      "Print the reference outcome of one GraphQL multipart request body: the status a server "
      "answers with, the error code and the rule it comes from, the operations with each "
      "upload's place, and each upload's filename, mimetype, size and SHA-256. Exits 0 whatever "
      "the verdict; only a usage error exits non-zero.");
  cmd->add_option("--content-type", opts->content_type,
                  "The request's Content-Type header value, e.g. 'multipart/form-data; boundary=x'")
      ->required();
  cmd->add_option("--max-field-size", opts->max_field_size,
                  "Largest operations or map field in bytes (default 1000000)");
  cmd->add_option("--max-file-size", opts->max_file_size,
                  "Largest file in bytes (default unlimited)");
  cmd->add_option("--max-files", opts->max_files, "Most files in the map (default unlimited)");
  cmd->add_flag("--compact", opts->compact, "Print the outcome on one line");
  cmd->add_option("body", opts->input,
                  "The request body file, or - for standard input (default -)");
  cmd->callback([opts] { throw CLI::RuntimeError(run_reference(*opts)); });
}

}  // namespace upspec::cli
