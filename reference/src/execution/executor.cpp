#include "upspec/execution/executor.hpp"

#include <utility>
#include <vector>

#include "prepare.hpp"

namespace upspec::execution {

struct prepared_request {
  bool batch = false;
  std::vector<std::unique_ptr<prepared_operation>> operations;
  std::set<std::string> needed;
};

executor::executor() = default;
executor::~executor() = default;
executor::executor(executor&&) noexcept = default;
executor& executor::operator=(executor&&) noexcept = default;

// A batch is an array of requests, each prepared, and later answered, on its own; its
// variables sit at "<index>.variables" in operations.
void executor::prepare(const json& operations, const upload_paths& paths) {
  auto prepared = std::make_unique<prepared_request>();
  prepared->batch = operations.is_array();
  if (prepared->batch) {
    for (std::size_t i = 0; i < operations.size(); ++i)
      prepared->operations.push_back(
          prepare_operation(operations[i], std::to_string(i) + ".variables", paths));
  } else {
    prepared->operations.push_back(prepare_operation(operations, "variables", paths));
  }
  for (const auto& operation : prepared->operations)
    prepared->needed.insert(operation->uploads.begin(), operation->uploads.end());
  prepared_ = std::move(prepared);
}

const std::set<std::string>& executor::needed_uploads() const {
  static const std::set<std::string> kNone;
  return prepared_ ? prepared_->needed : kNone;
}

json executor::complete(const upload_values& uploads) const {
  if (!prepared_) {
    json error = json::object();
    error["message"] = "No request prepared.";
    return json{{"errors", json::array({error})}};
  }
  if (!prepared_->batch) return complete_operation(*prepared_->operations.front(), uploads);
  json results = json::array();
  for (const auto& operation : prepared_->operations)
    results.push_back(complete_operation(*operation, uploads));
  return results;
}

json execute(const json& operations, const upload_paths& paths, const upload_values& uploads) {
  executor e;
  e.prepare(operations, paths);
  return e.complete(uploads);
}

}  // namespace upspec::execution
