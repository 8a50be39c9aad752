#include "commands/corpus_command.hpp"

#include <iostream>
#include <map>

#include "corpus/case_json.hpp"
#include "corpus/corpus_store.hpp"
#include "corpus/generate.hpp"

namespace upspec::cli {
namespace {

struct corpus_options {
  std::string dir;
  std::uint64_t seed = 1;
  std::size_t random = 40;
  bool check = false;
  std::vector<std::string> select;
  std::string id;
  bool json_output = false;
};

std::filesystem::path dir_of(const corpus_options& o) {
  return o.dir.empty() ? corpus::default_corpus_dir() : std::filesystem::path(o.dir);
}

bool selected(const std::vector<std::string>& globs, const std::string& id) {
  if (globs.empty()) return true;
  for (const auto& g : globs)
    if (corpus::glob_match(g, id)) return true;
  return false;
}

int generate(const corpus_options& o) {
  const auto gen = corpus::generate_corpus(o.seed, o.random);
  for (const auto& c : gen.contradictions)
    std::cerr << "upspec corpus generate: contradiction: " << c << "\n";
  if (!gen.contradictions.empty()) return 1;
  const auto dir =
      o.dir.empty() ? std::filesystem::path("corpus/cases") : std::filesystem::path(o.dir);
  if (o.check) {
    // Compare with what is stored instead of writing: the stored corpus must be what the
    // catalog and the reference give today.
    auto stored = corpus::load_corpus(dir);
    if (auto* why = std::get_if<std::string>(&stored)) {
      std::cerr << "upspec corpus generate --check: " << *why << "\n";
      return 1;
    }
    const auto& have = std::get<std::vector<corpus::test_case>>(stored);
    std::map<std::string, const corpus::test_case*> by_id;
    for (const auto& c : have) by_id[c.id] = &c;
    int stale = 0;
    for (const auto& c : gen.cases) {
      const auto it = by_id.find(c.id);
      if (it == by_id.end() || !(corpus::to_json(*it->second) == corpus::to_json(c))) {
        std::cerr << "stale or missing: " << c.id << "\n";
        ++stale;
      }
    }
    std::cout << gen.cases.size() << " cases generated, " << stale << " differ from "
              << dir.string() << "\n";
    return stale == 0 ? 0 : 1;
  }
  corpus::write_corpus(gen.cases, dir);
  std::map<std::string, int> per_category;
  for (const auto& c : gen.cases) ++per_category[c.category];
  std::cout << "wrote " << gen.cases.size() << " cases in " << per_category.size()
            << " categories to " << dir.string() << "\n";
  return 0;
}

int list(const corpus_options& o) {
  auto loaded = corpus::load_corpus(dir_of(o));
  if (auto* why = std::get_if<std::string>(&loaded)) {
    std::cerr << "upspec corpus list: " << *why << "\n";
    return 2;
  }
  for (const auto& c : std::get<std::vector<corpus::test_case>>(loaded)) {
    if (!selected(o.select, c.id)) continue;
    std::cout << c.id << "\t" << corpus::to_string(c.requirement) << "\t" << c.title << "\n";
  }
  return 0;
}

int show(const corpus_options& o) {
  auto loaded = corpus::load_corpus(dir_of(o));
  if (auto* why = std::get_if<std::string>(&loaded)) {
    std::cerr << "upspec corpus show: " << *why << "\n";
    return 2;
  }
  for (const auto& c : std::get<std::vector<corpus::test_case>>(loaded)) {
    if (c.id != o.id) continue;
    if (o.json_output) {
      std::cout << request::dump_json(corpus::to_json(c), 2) << "\n";
      return 0;
    }
    std::cout << c.id << ": " << c.title << "\n"
              << "level: " << corpus::to_string(c.requirement) << "\nrule: " << c.rule
              << "\ncite: " << c.cite << "\n"
              << "request: " << c.request.method << " "
              << (c.request.target.empty() ? "(target URL)" : c.request.target) << ", "
              << c.request.body_size() << " body bytes\n";
    for (const auto& [k, v] : c.request.headers) std::cout << "  " << k << ": " << v << "\n";
    std::cout << "expect: " << c.expect.status
              << (c.expect.code ? " " + *c.expect.code : std::string()) << "\n";
    if (c.expect.data) std::cout << "  data: " << request::dump_json(*c.expect.data) << "\n";
    for (const auto& a : c.expect.alternatives) {
      std::cout << "  also " << corpus::to_string(a.gives) << " for "
                << request::dump_json(request::json(a.status)) << ": " << a.note << "\n";
      if (a.data) std::cout << "    data: " << request::dump_json(*a.data) << "\n";
    }
    return 0;
  }
  std::cerr << "upspec corpus show: no case " << o.id << "\n";
  return 2;
}

}  // namespace

void add_corpus_command(CLI::App& app) {
  auto o = std::make_shared<corpus_options>();
  CLI::App* cmd =
      app.add_subcommand("corpus", "The conformance cases: generate them, list them, show one.");
  cmd->require_subcommand(1);
  CLI::App* gen = cmd->add_subcommand(
      "generate",
      "Build the corpus from the catalog and seeded random requests, taking every expectation from "
      "the reference, and write one JSON file per category. Deterministic for a seed.");
  gen->add_option("--out", o->dir, "Folder to write (default corpus/cases)");
  gen->add_option("--seed", o->seed, "Seed of the random cases (default 1)");
  gen->add_option("--random", o->random, "How many random cases (default 40)");
  gen->add_flag("--check", o->check,
                "Write nothing; fail when the stored corpus differs from a fresh generation");
  gen->callback([o] { throw CLI::RuntimeError(generate(*o)); });

  CLI::App* ls = cmd->add_subcommand("list", "List the cases: id, level, title.");
  ls->add_option("--corpus", o->dir,
                 "Corpus folder (default $UPSPEC_CORPUS, else the one installed with upspec, else "
                 "corpus/cases)");
  ls->add_option("--select", o->select, "Only ids matching these globs (e.g. 'map.*')");
  ls->callback([o] { throw CLI::RuntimeError(list(*o)); });

  CLI::App* sh = cmd->add_subcommand("show", "Show one case: its rule, request and expectation.");
  sh->add_option("id", o->id, "The case id")->required();
  sh->add_option("--corpus", o->dir,
                 "Corpus folder (default $UPSPEC_CORPUS, else the one installed with upspec, else "
                 "corpus/cases)");
  sh->add_flag("--json", o->json_output, "Print the case as stored");
  sh->callback([o] { throw CLI::RuntimeError(show(*o)); });
}

}  // namespace upspec::cli
