#include "seedgen/seed_formats.hpp"

#include <cstdio>
#include <variant>

#include "support/input.hpp"
#include "upspec/multipart/boundary.hpp"
#include "upspec/multipart/header_parameters.hpp"
#include "upspec/multipart/parser.hpp"
#include "upspec/multipart/part_headers.hpp"
#include "upspec/properties/request_model.hpp"
#include "upspec/request/outcome.hpp"

namespace upspec::fuzz {
namespace {

using request::json;

// The parts of a body as the encoder would describe them.
class part_collector : public multipart::parser_events {
 public:
  std::vector<encoder::form_part> parts;

  void on_part_begin() override { parts.emplace_back().omit_disposition = true; }
  void on_header(std::string_view name, std::string_view value) override {
    encoder::form_part& p = parts.back();
    if (multipart::iequals(name, "Content-Disposition") && p.omit_disposition) {
      if (const auto cd = multipart::parse_content_disposition(value); cd && cd->name) {
        p.omit_disposition = false;
        p.name = *cd->name;
        p.filename = cd->filename;
        return;
      }
    }
    if (multipart::iequals(name, "Content-Type") && !p.content_type) {
      p.content_type = std::string(value);
      return;
    }
    p.extra_headers.emplace_back(std::string(name), std::string(value));
  }
  void on_headers_complete() override {}
  void on_part_data(std::string_view bytes) override { parts.back().body.append(bytes); }
  void on_part_end() override {}
  void on_body_end() override {}
};

std::optional<std::vector<encoder::form_part>> parts_of(const case_request& c,
                                                        const std::string& boundary) {
  multipart::parser p(boundary);
  part_collector parts;
  if (!p.feed(c.body, parts) || !p.finish(parts)) return std::nullopt;
  return std::move(parts.parts);
}

std::string http_bytes(const case_request& c) {
  std::string out = c.method + " " + c.target + " HTTP/1.1\r\nHost: fuzz\r\n";
  for (const auto& [name, value] : c.headers) out += name + ": " + value + "\r\n";
  if (c.method == "GET") return out + "\r\n";
  if (c.chunk_size == 0)
    return out + "Content-Length: " + std::to_string(c.body.size()) + "\r\n\r\n" + c.body;
  out += "Transfer-Encoding: chunked\r\n\r\n";
  char size[32];
  for (std::size_t at = 0; at < c.body.size(); at += c.chunk_size) {
    const std::string_view piece = std::string_view(c.body).substr(at, c.chunk_size);
    std::snprintf(size, sizeof size, "%zx\r\n", piece.size());
    out += size;
    out.append(piece);
    out += "\r\n";
  }
  return out + "0\r\n\r\n";
}

std::string structured_seed(const case_request& c, const std::string& boundary,
                            const std::vector<encoder::form_part>& parts) {
  properties::request_model m;
  m.encoding.boundary = boundary;
  m.encoding.quote_boundary = c.content_type.find("boundary=\"") != std::string::npos;
  m.parts = parts;
  m.limits = c.limits;
  m.chunk = static_cast<std::uint32_t>(c.chunk_size);
  return properties::serialize(m);
}

const encoder::form_part* part_named(const std::vector<encoder::form_part>& parts,
                                     std::string_view name) {
  for (const auto& p : parts)
    if (!p.omit_disposition && p.name == name) return &p;
  return nullptr;
}

std::vector<json> operations_of(const json& operations) {
  if (operations.is_array()) return {operations.begin(), operations.end()};
  return {operations};
}

}  // namespace

std::vector<std::pair<std::string, std::string>> seeds_for(const case_request& c) {
  std::vector<std::pair<std::string, std::string>> out;
  out.emplace_back("request_processor",
                   c.content_type + "\n" + format_limits_line(c.limits) + "\n" + c.body);
  out.emplace_back("server", http_bytes(c));
  const auto boundary = multipart::boundary_from_content_type(c.content_type);
  if (!boundary) return out;
  out.emplace_back("multipart_parser", boundary.value() + "\n" + c.body);
  // Default limits, chunks of 7 bytes, and the second split seeded by the id's length.
  out.emplace_back("differential", std::string{'\x00', '\x06', static_cast<char>(c.id.size())} +
                                       boundary.value() + "\n" + c.body);
  const auto parts = parts_of(c, boundary.value());
  if (!parts) return out;
  out.emplace_back("structured", structured_seed(c, boundary.value(), *parts));
  const auto* ops = part_named(*parts, "operations");
  const auto* map = part_named(*parts, "map");
  if (ops && map) out.emplace_back("object_path", ops->body + std::string(1, '\0') + map->body);
  return out;
}

std::vector<std::string> graphql_seeds_for(const case_request& c) {
  std::vector<std::string> out;
  for (const std::string& seed : execute_seeds_for(c))
    out.push_back(seed.substr(0, seed.find('\0')));
  return out;
}

std::vector<std::string> execute_seeds_for(const case_request& c) {
  const json outcome = request::reference_outcome(c.content_type, c.body, c.limits);
  if (!outcome["error"].is_null()) return {};
  std::vector<std::string> out;
  for (const json& op : operations_of(outcome["operations"])) {
    if (!op.is_object() || !op.contains("query") || !op["query"].is_string()) continue;
    std::string seed = op["query"].get<std::string>();
    if (op.contains("variables") || op.contains("operationName"))
      seed += std::string(1, '\0') + request::dump_json(op.value("variables", json(nullptr)));
    if (op.contains("operationName") && op["operationName"].is_string())
      seed += std::string(1, '\0') + op["operationName"].get<std::string>();
    out.push_back(std::move(seed));
  }
  return out;
}

}  // namespace upspec::fuzz
