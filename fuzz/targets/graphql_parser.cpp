// The GraphQL document parser, and the printer that must give its trees back: whatever parses,
// printed and parsed again, is the same tree and prints the same text. The input is also tried
// as a lone value and a lone type reference (parse_value, parse_type).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "support/check.hpp"
#include "upspec/graphql/parser.hpp"
#include "upspec/graphql/printer.hpp"

namespace {

using namespace upspec::graphql;

template <typename Node, typename Parse>
void check_round_trip(const Node& node, Parse parse) {
  const std::string text = print(node);
  const auto again = parse(text);
  UPSPEC_FUZZ_CHECK(again.ok(), "the printed text does not parse: " + text);
  UPSPEC_FUZZ_CHECK(equal_ignoring_locations(*again, node),
                    "print/parse changed the tree: " + text);
  UPSPEC_FUZZ_CHECK(print(*again) == text, "printing is not stable: " + text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view source(reinterpret_cast<const char*>(data), size);
  if (const auto doc = parse_document(source))
    check_round_trip(*doc, [](std::string_view s) { return parse_document(s); });
  if (const auto value = parse_value(source))
    check_round_trip(*value, [](std::string_view s) { return parse_value(s); });
  if (const auto type = parse_type(source))
    check_round_trip(*type, [](std::string_view s) { return parse_type(s); });
  return 0;
}
