// The server answers every request the way the reference says (issue 3, "Done when"): a varied
// set of requests built with the encoder (valid ones, one per error code, truncated and
// malformed ones, deduplication, extraneous parts, limits) goes through the server over a real
// socket, in several framings, and each answer is compared field by field with
// upspec::request::reference_outcome: the status, the error code and message, and for every
// upload the filename, mimetype, size and SHA-256 its resolver reports, or its error code.

#include <map>

#include "serve_test_support.hpp"
#include "upspec/request/outcome.hpp"

namespace upspec::serve::testing {
namespace {

using encoder::encode_form;
using encoder::form_part;
using encoder::request_parts;
using encoder::upload_file;

struct replay_case {
  std::string name;
  encoder::encoded_request request;
  request::limits limits{};
};

// A mutation that reports each variable's upload under an alias of the same name, so that a
// failed upload fails only its own field.
json reporting_ops(const std::vector<std::string>& vars) {
  std::string params;
  std::string fields;
  json variables = json::object();
  for (const std::string& v : vars) {
    params += (params.empty() ? "$" : ", $") + v + ": Upload";
    fields += " " + v + ": optional(file: $" + v + ") " + kFileSelection;
    variables[v] = nullptr;
  }
  const std::string query =
      vars.empty() ? "{ ping }" : "mutation(" + params + ") {" + fields + " }";
  return {{"query", query}, {"variables", variables}};
}

upload_file file_for(const std::string& field, const std::vector<std::string>& vars,
                     std::string content, std::optional<std::string> filename = "file.bin",
                     std::optional<std::string> content_type = "application/octet-stream") {
  std::vector<std::string> paths;
  for (const std::string& v : vars) paths.push_back("variables." + v);
  return upload_file{field, paths, std::move(filename), std::move(content_type),
                     std::move(content)};
}

std::string bytes(std::size_t n, unsigned seed) {
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; ++i)
    s[i] = static_cast<char>((i * 167 + seed * 31 + i / 97) & 0xff);
  return s;
}

form_part raw_field(std::string name, std::string value) {
  form_part p;
  p.name = std::move(name);
  p.body = std::move(value);
  return p;
}

std::vector<replay_case> replay_cases() {
  std::vector<replay_case> cases;
  const auto add = [&cases](std::string name, encoder::encoded_request r,
                            request::limits lim = {}) {
    cases.push_back({std::move(name), std::move(r), lim});
  };
  const auto make = [](const std::vector<upload_file>& files, encoder::encoding enc = {}) {
    std::vector<std::string> vars;
    for (const upload_file& f : files)
      for (const std::string& p : f.paths)
        vars.push_back(p.substr(std::string("variables.").size()));
    return encoder::encode_request(reporting_ops(vars), files, enc);
  };
  const auto parts_of = [](const std::vector<upload_file>& files) {
    std::vector<std::string> vars;
    for (const upload_file& f : files)
      for (const std::string& p : f.paths)
        vars.push_back(p.substr(std::string("variables.").size()));
    return request_parts(reporting_ops(vars), files);
  };

  // Valid requests.
  add("single", make({file_for("0", {"a"}, "Alpha file content.\n", "a.txt", "text/plain")}));
  add("three_files", make({file_for("0", {"a"}, bytes(1000, 1)), file_for("1", {"b"}, bytes(5, 2)),
                           file_for("2", {"c"}, bytes(70'000, 3))}));
  add("empty_file", make({file_for("0", {"a"}, "")}));
  add("no_filename", make({file_for("0", {"a"}, "x", std::nullopt)}));
  add("empty_filename", make({file_for("0", {"a"}, "x", "")}));
  add("no_content_type", make({file_for("0", {"a"}, "x", "a.txt", std::nullopt)}));
  add("content_type_parameters",
      make({file_for("0", {"a"}, "x", "a.txt", "Text/Plain; charset=utf-8")}));
  add("unparseable_content_type", make({file_for("0", {"a"}, "x", "a.txt", "not a type")}));
  add("quoted_filename", make({file_for("0", {"a"}, "x", R"(my "quoted" \ name.txt)")}));
  add("directory_in_filename", make({file_for("0", {"a"}, "x", "../../etc/passwd")}));
  add("boundary_look_alikes",
      make(
          {file_for("0", {"a"},
                    "\r\n--upspec-6b1c0a8e3f9d4c27X\r\n--upspec-6b1c0a8e3f9d4c27--x\r\n-- \r\n")}));
  add("large_file", make({file_for("0", {"a"}, bytes(1 << 20, 4))}));
  add("dedupe_one_file_two_paths", make({file_for("0", {"a", "b"}, "shared")}));
  add("dedupe_and_a_second_file",
      make({file_for("0", {"a", "c"}, "shared"), file_for("1", {"b"}, "own")}));
  {
    auto parts = parts_of({file_for("0", {"a"}, "x")});
    form_part extra = parts.back();
    extra.name = "extra";
    parts.push_back(extra);
    add("extraneous_file_part", encode_form(parts));
  }
  {
    auto parts = parts_of({file_for("0", {"a"}, "first")});
    form_part again = parts.back();
    again.body = "second";
    parts.push_back(again);
    add("file_part_twice", encode_form(parts));
  }
  {
    auto parts = parts_of({file_for("0", {"a"}, "x")});
    parts.back().filename.reset();
    parts.back().filename_star = "na\xc3\xafve \xe2\x82\xac.txt";
    add("filename_star", encode_form(parts));
  }
  {
    auto parts = parts_of({file_for("0", {"a"}, "x")});
    parts.insert(parts.begin() + 2, raw_field("ignored_field", "v"));
    parts.push_back(raw_field("operations", "{}"));
    add("second_operations_and_plain_fields", encode_form(parts));
  }
  {
    encoder::encoding enc;
    enc.preamble = "preamble text";
    enc.epilogue = "epilogue text\r\n";
    enc.transport_padding = " \t ";
    enc.quote_boundary = true;
    enc.header_names = encoder::header_case::lower;
    add("preamble_epilogue_padding_quoted_boundary",
        make({file_for("0", {"a"}, "x"), file_for("1", {"b"}, "y")}, enc));
  }
  {
    // A batch: each operation reports its own files.
    const json ops = json::array({reporting_ops({"a"}), reporting_ops({"a", "b"})});
    add("batch",
        encoder::encode_request(
            ops, {upload_file{"0", {"0.variables.a"}, "a.txt", "text/plain", "alpha"},
                  upload_file{
                      "1", {"1.variables.a", "1.variables.b"}, "b.txt", "text/plain", "bravo"}}));
  }
  add("no_uploads", encoder::encode_request(reporting_ops({}), {}));

  // Failed uploads: the rest runs.
  {
    auto parts = parts_of({file_for("0", {"a"}, "x"), file_for("1", {"b"}, "y")});
    parts.pop_back();
    add("file_missing", encode_form(parts));
  }
  request::limits file_limit;
  file_limit.max_file_size = 100;
  add("file_size_at_the_limit", make({file_for("0", {"a"}, bytes(100, 5))}), file_limit);
  add("file_size_over_the_limit",
      make({file_for("0", {"a"}, bytes(101, 6)), file_for("1", {"b"}, bytes(10, 7))}), file_limit);
  {
    // A bare CR in a file part's headers, after the map: that upload and those after it fail.
    auto parts = parts_of({file_for("0", {"a"}, "x"), file_for("1", {"b"}, "y")});
    parts.back().extra_headers = {{"X-Bad", "a\rb"}};
    add("malformed_after_the_map", encode_form(parts));
  }

  // Truncated bodies, cut at many places of a three-file request.
  {
    const auto whole =
        make({file_for("0", {"a"}, bytes(300, 8)), file_for("1", {"b"}, bytes(300, 9)),
              file_for("2", {"c"}, bytes(300, 10))});
    for (const std::size_t percent : {5, 20, 35, 50, 65, 80, 95, 99})
      add("truncated_at_" + std::to_string(percent) + "_percent",
          {whole.content_type, whole.body.substr(0, whole.body.size() * percent / 100)});
    add("truncated_before_the_final_crlf",
        {whole.content_type, whole.body.substr(0, whole.body.size() - 2)});
    add("truncated_in_the_close_delimiter",
        {whole.content_type, whole.body.substr(0, whole.body.size() - 5)});
    encoder::encoding open;
    open.close_delimiter = false;
    add("no_close_delimiter", make({file_for("0", {"a"}, "x")}, open));
    add("empty_body", {whole.content_type, ""});
  }

  // Whole-request refusals: one per code.
  const auto single = make({file_for("0", {"a"}, "x")});
  const std::string ops = request::dump_json(reporting_ops({"a"}));
  const std::string map = R"({"0":["variables.a"]})";
  form_part file;
  file.name = "0";
  file.filename = "a.txt";
  file.body = "x";
  add("content_type_not_multipart", {"application/octet-stream", single.body});
  add("content_type_without_boundary", {"multipart/form-data; charset=utf-8", single.body});
  add("boundary_too_long", {"multipart/form-data; boundary=" + std::string(71, 'b'), single.body});
  add("no_delimiter", {single.content_type, "just some text"});
  {
    encoder::encoding lf;
    lf.line_end = "\n";
    add("bare_lf_line_ends", make({file_for("0", {"a"}, "x")}, lf));
  }
  add("operations_missing", encode_form({raw_field("x", "y")}));
  add("operations_invalid_json",
      encode_form({raw_field("operations", "{\"query\":"), raw_field("map", map)}));
  add("operations_invalid_type",
      encode_form({raw_field("operations", "true"), raw_field("map", map)}));
  add("map_missing", encode_form({raw_field("operations", ops)}));
  add("map_misordered", encode_form({raw_field("map", map), raw_field("operations", ops), file}));
  add("map_invalid_json",
      encode_form({raw_field("operations", ops), raw_field("map", "{,}"), file}));
  add("map_invalid_type",
      encode_form({raw_field("operations", ops), raw_field("map", "\"0\""), file}));
  add("map_entry_invalid_type",
      encode_form({raw_field("operations", ops), raw_field("map", R"({"0":{}})"), file}));
  add("map_path_invalid_type",
      encode_form({raw_field("operations", ops), raw_field("map", R"({"0":[null]})"), file}));
  add("map_path_invalid_proto",
      encode_form({raw_field("operations", ops),
                   raw_field("map", R"({"0":["variables.constructor"]})"), file}));
  add("map_path_invalid_through_string",
      encode_form({raw_field("operations", R"({"query":"{ ping }","variables":{"s":"text"}})"),
                   raw_field("map", R"({"0":["variables.s.x"]})"), file}));
  add("file_misordered", encode_form({raw_field("operations", ops), file, raw_field("map", map)}));
  request::limits field_limit;
  field_limit.max_field_size = ops.size();
  add("field_size_at_the_limit", single, field_limit);
  field_limit.max_field_size = ops.size() - 1;
  add("field_size_over_the_limit", single, field_limit);
  request::limits files_limit;
  files_limit.max_files = 2;
  add("files_at_the_limit", make({file_for("0", {"a"}, "x"), file_for("1", {"b"}, "y")}),
      files_limit);
  add("files_over_the_limit",
      make({file_for("0", {"a"}, "x"), file_for("1", {"b"}, "y"), file_for("2", {"c"}, "z")}),
      files_limit);
  return cases;
}

// How the body travels: whatever the framing and the pieces, the answer is the same.
enum class transport { one_write, chunked, small_writes };

std::string transport_name(transport t) {
  switch (t) {
    case transport::one_write:
      return "content-length";
    case transport::chunked:
      return "chunked";
    case transport::small_writes:
      return "small writes";
  }
  return "";
}

http_response send(std::uint16_t port, const replay_case& c, transport t) {
  http_request r = multipart_request(
      c.request, t == transport::chunked ? framing::chunked : framing::content_length);
  r.chunk_size = 13;
  raw_connection conn(std::chrono::seconds(20));
  http_response res;
  if (const auto ec = conn.connect(kLoopback, port)) {
    ADD_FAILURE() << ec.message();
    return res;
  }
  const std::string wire = client::request_bytes(r);
  const std::size_t piece = t == transport::small_writes ? 1021 : wire.size();
  for (std::size_t at = 0; at < wire.size(); at += piece)
    // An early answer may close the connection while the rest is on its way: keep reading.
    if (conn.send(std::string_view(wire).substr(at, piece))) break;
  if (const auto ec = conn.read_response(res)) ADD_FAILURE() << "no answer: " << ec.message();
  return res;
}

// What the resolvers must report for an upload the reference accepted: the filename the part
// had ("" when it had none: UploadedFile.filename is non-null), mimetype, size and digest.
json expected_file(const json& upload) {
  json e = upload;
  if (e["filename"].is_null()) e["filename"] = "";
  return e;
}

// The aliases of one operation: each top-level variable the map filled, with its field name.
std::map<std::string, std::string> mapped_variables(const json& operation) {
  std::map<std::string, std::string> out;
  if (!operation.is_object() || !operation.contains("variables")) return out;
  for (const auto& [var, value] : operation["variables"].items())
    if (value.is_object() && value.size() == 1 && value.contains("$upload"))
      out.emplace(var, value["$upload"].get<std::string>());
  return out;
}

void compare_result(const json& result, const json& operation, const json& uploads,
                    const std::string& where) {
  std::size_t failed = 0;
  for (const auto& [alias, field] : mapped_variables(operation)) {
    ASSERT_TRUE(uploads.contains(field)) << where << ": upload " << field;
    const json& upload = uploads[field];
    const json& data = result.contains("data") ? result["data"] : json();
    SCOPED_TRACE(where + ", upload '" + field + "' as " + alias);
    if (upload.contains("error")) {
      ++failed;
      EXPECT_TRUE(data.is_object() && data[alias].is_null()) << result.dump();
      bool found = false;
      for (const json& e : result.value("errors", json::array()))
        if (e.value("path", json()) == json::array({alias})) {
          found = true;
          EXPECT_EQ(e["extensions"]["code"], upload["error"]["code"]) << e.dump();
          EXPECT_EQ(e["message"], upload["error"]["message"]) << e.dump();
        }
      EXPECT_TRUE(found) << result.dump();
    } else {
      ASSERT_TRUE(data.is_object()) << result.dump();
      EXPECT_EQ(data[alias], expected_file(upload));
    }
  }
  EXPECT_EQ(result.value("errors", json::array()).size(), failed) << where << ": " << result.dump();
}

void compare(const json& outcome, const http_response& res, const std::string& where) {
  ASSERT_EQ(res.status, outcome["status"].get<int>()) << where << ": " << res.body;
  const json body = body_json(res);
  if (!outcome["error"].is_null()) {
    EXPECT_EQ(first_error_code(body), outcome["error"]["code"]) << where;
    EXPECT_EQ(first_error_message(body), outcome["error"]["message"]) << where;
    return;
  }
  const json& ops = outcome["operations"];
  if (ops.is_array()) {
    ASSERT_TRUE(body.is_array() && body.size() == ops.size()) << where << ": " << res.body;
    for (std::size_t i = 0; i < ops.size(); ++i)
      compare_result(body[i], ops[i], outcome["uploads"],
                     where + ", operation " + std::to_string(i));
  } else {
    compare_result(body, ops, outcome["uploads"], where);
  }
}

bool same_limits(const request::limits& a, const request::limits& b) {
  return a.max_field_size == b.max_field_size && a.max_file_size == b.max_file_size &&
         a.max_files == b.max_files;
}

TEST(Replay, ServerAnswersAsTheReferenceSays) {
  const std::vector<replay_case> cases = replay_cases();
  // One server per set of limits, as `upspec serve --max-...` would be started.
  std::vector<std::pair<request::limits, std::unique_ptr<served>>> servers;
  const auto server_for = [&servers](const request::limits& lim) -> served& {
    for (auto& [l, s] : servers)
      if (same_limits(l, lim)) return *s;
    server_options options = quiet_options();
    options.limits = lim;
    servers.emplace_back(lim, std::make_unique<served>(options));
    return *servers.back().second;
  };

  std::map<std::string, int> statuses;
  for (const replay_case& c : cases) {
    const json outcome =
        request::reference_outcome(c.request.content_type, c.request.body, c.limits);
    const std::string code =
        outcome["error"].is_null() ? "" : outcome["error"]["code"].get<std::string>();
    ++statuses[code.empty() ? std::to_string(outcome["status"].get<int>()) : code];
    served& server = server_for(c.limits);
    for (const transport t : {transport::one_write, transport::chunked, transport::small_writes})
      compare(outcome, send(server.port(), c, t), c.name + " (" + transport_name(t) + ")");
  }
  // The set must reach every whole-request code of the table, and successes.
  for (const char* code :
       {"200", "request.content_type", "multipart.malformed", "multipart.truncated",
        "operations.missing", "operations.invalid_json", "operations.invalid_type", "map.missing",
        "map.misordered", "map.invalid_json", "map.invalid_type", "map.entry_invalid_type",
        "map.path_invalid_type", "map.path_invalid", "file.misordered", "limit.field_size",
        "limit.files"})
    EXPECT_GT(statuses[code], 0) << "no case reaches " << code;
}

}  // namespace
}  // namespace upspec::serve::testing
