// The map and its object paths on arbitrary JSON. Input: the operations JSON, a NUL byte, the
// map JSON (no NUL: the whole input is the map, applied to operations shaped like a real
// request's). Each path is applied directly and read back; then the same two fields go through
// the processor, whose verdict and operations must be what the direct application predicts.

#include "upspec/request/object_path.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "support/check.hpp"
#include "support/object_path_model.hpp"
#include "support/outcome_check.hpp"
#include "upspec/encoder/encoder.hpp"
#include "upspec/request/outcome.hpp"

namespace {

using upspec::request::json;

constexpr std::string_view kDefaultOperations =
    R"({"query":"mutation($file: Upload!) { single(file: $file) { size } }",)"
    R"("variables":{"file":null,"files":[null,null],"input":{"child":{"file":null}}}})";
constexpr std::string_view kBoundary = "upspec-fuzz-object-path-7f3a91";

// The processor's verdict, predicted: the code of the first thing it refuses, in its order.
struct prediction {
  std::optional<std::string> code;
  json operations;
};

prediction apply_directly(std::string_view ops_text, std::string_view map_text) {
  using upspec::request::parse_json_field;
  // Most inputs carry no operations of their own: the default's parse is the same every time.
  static const auto default_ops = parse_json_field(kDefaultOperations);
  auto ops = ops_text == kDefaultOperations ? default_ops : parse_json_field(ops_text);
  if (!std::holds_alternative<json>(ops)) return {"operations.invalid_json", {}};
  json operations = std::get<json>(std::move(ops));
  if (!operations.is_object() && !operations.is_array()) return {"operations.invalid_type", {}};
  auto parsed_map = parse_json_field(map_text);
  if (!std::holds_alternative<json>(parsed_map)) return {"map.invalid_json", {}};
  const json& map = std::get<json>(parsed_map);
  if (!map.is_object()) return {"map.invalid_type", {}};
  // One setter for the whole map, as the processor has: it knows which values earlier paths set.
  upspec::request::object_path_setter setter(operations);
  std::vector<std::string> applied;
  for (const auto& [field, paths] : map.items()) {
    if (!paths.is_array()) return {"map.entry_invalid_type", {}};
    const json placeholder = upspec::request::upload_placeholder(field);
    for (const json& path : paths) {
      if (!path.is_string()) return {"map.path_invalid_type", {}};
      const std::string& p = path.get_ref<const std::string&>();
      const auto refused = setter.set(p, placeholder);
      upspec::fuzz::check_path_verdict(p, refused.has_value(), applied);
      if (refused) return {"map.path_invalid", {}};
      applied.push_back(p);
      const json* stored = upspec::fuzz::value_at_path(operations, p);
      UPSPEC_FUZZ_CHECK(stored != nullptr && *stored == placeholder,
                        "a path was applied but does not hold the placeholder: " + p);
    }
  }
  return {std::nullopt, std::move(operations)};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace upspec;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto nul = input.find('\0');
  const std::string_view ops_text =
      nul == std::string_view::npos ? kDefaultOperations : input.substr(0, nul);
  const std::string_view map_text = nul == std::string_view::npos ? input : input.substr(nul + 1);

  const prediction predicted = apply_directly(ops_text, map_text);

  // Through the processor: a body with just the two fields. The encoding is the same for
  // every input, so it is made once.
  static const std::string delimiter = "\r\n--" + std::string(kBoundary);
  if (ops_text.find(delimiter) != std::string_view::npos ||
      map_text.find(delimiter) != std::string_view::npos)
    return 0;
  static const encoder::encoding enc = [] {
    encoder::encoding e;
    e.boundary = std::string(kBoundary);
    return e;
  }();
  const auto encoded =
      encoder::encode_form({{"operations", {}, {}, {}, std::string(ops_text), {}, false},
                            {"map", {}, {}, {}, std::string(map_text), {}, false}},
                           enc);
  const json outcome = request::reference_outcome(encoded.content_type, encoded.body);
  fuzz::check_outcome(outcome);
  if (predicted.code) {
    UPSPEC_FUZZ_CHECK(!outcome["error"].is_null() && outcome["error"]["code"] == *predicted.code,
                      "the processor did not refuse with " + *predicted.code + ": " +
                          request::dump_json(outcome["error"]));
  } else {
    UPSPEC_FUZZ_CHECK(outcome["error"].is_null(),
                      "the processor refused what applies: " + request::dump_json(outcome));
    UPSPEC_FUZZ_CHECK(outcome["operations"] == predicted.operations,
                      "the processor's operations differ from the paths applied directly");
  }
  return 0;
}
