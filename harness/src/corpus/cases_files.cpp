// File parts: missing and extraneous files, names, types and contents.

#include <tuple>

#include "corpus/catalog_support.hpp"

namespace upspec::corpus {

using namespace build;
using encoder::form_part;

namespace {

std::vector<form_part> single_with_file(form_part file) {
  auto parts =
      encoder::request_parts(single_operations(), {text_file("0", {"variables.file"}, "")});
  parts.back() = std::move(file);
  return parts;
}

form_part file_part(std::string content, std::optional<std::string> filename = "a.txt",
                    std::optional<std::string> type = "text/plain") {
  return {"0", std::move(filename), {}, std::move(type), std::move(content), {}, false};
}

}  // namespace

void add_file_cases(catalog& cat) {
  const auto add = [&](const std::string& name, const std::string& title,
                       const std::vector<form_part>& parts) {
    return cat.add("files", name, title).multipart(encoder::encode_form(parts));
  };
  const char* bytes_rule = "The resolver receives the file's bytes exactly";
  {
    auto parts =
        encoder::request_parts(single_operations(), {text_file("0", {"variables.file"}, "x")});
    parts.pop_back();
    add("missing", "A mapped file that never arrives", parts)
        .rule("A mapped file that never arrives fails the fields that use it",
              "graphql-upload: File missing in the request")
        .accepts({400}, verdict::non_strict, kWholeBodyFirst)
        .intends(200);
  }
  {
    auto parts = encoder::request_parts(
        multiple_operations(3),
        {text_file("0", {"variables.files.0"}, "a"), text_file("1", {"variables.files.1"}, "b"),
         text_file("2", {"variables.files.2"}, "c")});
    parts.erase(parts.begin() + 3);
    add("middle-missing", "The second of three files never arrives", parts)
        .rule("A mapped file that never arrives fails the fields that use it",
              "graphql-upload: File missing in the request")
        .accepts({400}, verdict::non_strict, kWholeBodyFirst)
        .intends(200);
  }
  {
    // Found by upspec fuzz against graphql-yoga: a mapped file that never arrives is put at its
    // path as null, so where the schema lets the value be null the operation runs as if the
    // client had sent no file (for an optional Upload, null often means "remove the file").
    const char* rule =
        "A mapped file that never arrives fails the fields that use it, also where the value "
        "may be null: the map says a file is there, so the missing file is not read as null";
    const char* cite = "GraphQL multipart request spec (map); graphql-upload: File missing";
    json optional_ops{{"query", optional_query()}, {"variables", {{"file", nullptr}}}};
    auto parts = encoder::request_parts(optional_ops, {text_file("0", {"variables.file"}, "x")});
    parts.pop_back();
    add("missing-optional", "A mapped file that never arrives, for an optional Upload", parts)
        .origin("regression")
        .rule(rule, cite)
        .accepts({400}, verdict::non_strict, kWholeBodyFirst)
        .intends(200);
    json tree_ops{{"query", tree_query()},
                  {"variables", {{"input", {{"file", nullptr}, {"files", {nullptr, nullptr}}}}}}};
    auto tree_parts = encoder::request_parts(
        tree_ops, {text_file("0", {"variables.input.file"}, "kept\n"),
                   text_file("1", {"variables.input.files.1"}, "never sent\n")});
    tree_parts.pop_back();
    add("missing-in-input", "A mapped file that never arrives, at a nullable input field",
        tree_parts)
        .origin("regression")
        .rule(rule, cite)
        .accepts({400}, verdict::non_strict, kWholeBodyFirst)
        .intends(200);
  }
  {
    auto parts = single_parts();
    parts.push_back({"extra", "extra.txt", {}, "text/plain", "not mapped", {}, false});
    add("extraneous-after", "A file the map does not name, after the mapped one", parts)
        .level(level::should)
        .rule("Files the map does not name are ignored (graphql-upload does; the spec is silent)",
              kSpec)
        .intends(200);
    auto before = single_parts();
    before.insert(before.begin() + 2,
                  {"extra", "extra.txt", {}, "text/plain", "not mapped", {}, false});
    add("extraneous-before", "A file the map does not name, before the mapped one", before)
        .level(level::should)
        .rule("Files the map does not name are ignored (graphql-upload does; the spec is silent)",
              kSpec)
        .intends(200);
  }
  {
    auto parts = single_parts("first\n");
    parts.push_back(file_part("second\n"));
    add("duplicate-part", "The same file field sent twice: the first counts", parts)
        .level(level::should)
        .rule("Each file field is one file", kSpec)
        .intends(200);
  }
  add("no-filename", "A mapped part without a filename parameter",
      single_with_file(file_part("plain\n", std::nullopt)))
      .level(level::should)
      .rule("A part is named by its field name; the filename is optional", "RFC 7578 §4.2")
      .intends(200);
  add("empty-filename", "An empty filename", single_with_file(file_part("x\n", "")))
      .level(level::should)
      .rule("The filename is reported as sent", "RFC 7578 §4.2")
      .intends(200);
  add("empty-file", "A file of zero bytes", single_with_file(file_part("")))
      .rule(bytes_rule, kRfc7578)
      .intends(200);
  {
    std::string all(256, '\0');
    for (int i = 0; i < 256; ++i) all[static_cast<std::size_t>(i)] = static_cast<char>(i);
    add("all-byte-values", "A file holding every byte value",
        single_with_file(file_part(all + all, "bytes.bin", "application/octet-stream")))
        .rule(bytes_rule, kRfc2046)
        .intends(200);
  }
  add("nul-bytes", "A file of NUL bytes",
      single_with_file(file_part(std::string(100, '\0'), "nul.bin", "application/octet-stream")))
      .rule(bytes_rule, kRfc2046)
      .intends(200);
  add("crlf-content", "A file made of line ends and dashes",
      single_with_file(file_part("\r\n\r\n--\r\n-\r\n--\r\n\r\n", "lines.txt")))
      .rule(bytes_rule, kRfc2046)
      .intends(200);
  add("ends-with-crlf", "A file whose last bytes are CRLF", single_with_file(file_part("line\r\n")))
      .rule("The CRLF before a delimiter belongs to the delimiter, not the file", kRfc2046)
      .intends(200);
  add("boundary-look-alikes", "A file holding lines that start like the boundary",
      single_with_file(
          file_part("\r\n--upspec-6b1c0a8e3f9d4c2\r\n--upspec-6b1c\r\n-upspec-6b1c0a8e3f9d4c27\r\n",
                    "tricky.txt")))
      .rule("Lines that only start like part of the delimiter are content", kRfc2046)
      .intends(200);
  // Django's parser looks for the dash-boundary anywhere, not only after a line end.
  add("boundary-mid-line", "A file holding the whole dash-boundary in the middle of a line",
      single_with_file(file_part("before--upspec-6b1c0a8e3f9d4c27after\r\n"
                                 "x --upspec-6b1c0a8e3f9d4c27\r\n",
                                 "tricky.txt")))
      .rule("A delimiter is CRLF, then the dash-boundary: elsewhere the boundary is content",
            kRfc2046)
      .intends(200);
  add("boundary-prefixed-lines",
      "A file holding lines that start with the whole boundary and go on",
      single_with_file(file_part("\r\n--upspec-6b1c0a8e3f9d4c27x\r\n--upspec-6b1c0a8e3f9d4c27-\r\n-"
                                 "-upspec-6b1c0a8e3f9d4c27 x\r\n",
                                 "tricky.txt")))
      .level(level::may)
      .rule(
          "Senders must not let the delimiter occur in content; the reference keeps such lines as "
          "content",
          "RFC 2046 §5.1.1")
      .intends(200);
  for (const auto& [name, filename] : std::vector<std::pair<std::string, std::string>>{
           {"filename-utf8", "r\xC3\xA9sum\xC3\xA9 \xE2\x82\xAC.txt"},
           {"filename-quote", "say \"hi\".txt"},
           {"filename-backslash", "back\\slash.txt"},
           {"filename-semicolon", "a;b=c.txt"},
           {"filename-spaces", "  spaced  .txt"},
       })
    add(name, "A filename with special characters: " + name.substr(9),
        single_with_file(file_part("x\n", filename)))
        .level(level::should)
        .rule("The filename is reported as sent, quoted-pairs resolved",
              "RFC 7578 §4.2; RFC 9110 §5.6.4")
        .intends(200);
  {
    // filename first, so that a scanner looking for "name=" meets the quoted one first.
    encoder::encoding filename_first;
    filename_first.filename_before_name = true;
    cat.add("files", "filename-holds-name-parameter", "A quoted filename that holds name=...")
        .multipart(encoder::encode_form(
            single_with_file(file_part("x\n", "report; name=upload; .txt")), filename_first))
        .rule("A quoted-string is one parameter value: what it holds is not parsed as parameters",
              "RFC 9110 §5.6.4; RFC 7578 §4.2")
        .intends(200);
  }
  add("filename-path", "A filename with directory parts",
      single_with_file(file_part("x\n", "../../etc/passwd")))
      .level(level::may)
      .rule(
          "Receivers must not use the filename as a path; reporting it or its last part are both "
          "fine",
          "RFC 7578 §4.2")
      .intends(200)
      .accepts_data(
          [](json data) {
            data["single"]["filename"] = "passwd";
            return data;
          },
          verdict::pass, "the filename's last path segment, as busboy and Django report it");
  {
    form_part star = file_part("x\n", "fallback.txt");
    star.filename_star = "\xE2\x82\xAC rates.txt";
    add("filename-star", "filename* (RFC 8187) next to filename", single_with_file(star))
        .level(level::should)
        .rule(
            "filename wins over filename*: senders must not use filename*, and letting it win "
            "lets a filename past a check on filename",
            "RFC 7578 §4.2; RFC 8187; CVE-2026-53537")
        .intends(200)
        .accepts_data(
            [](json data) {
              data["single"]["filename"] = "\xE2\x82\xAC rates.txt";
              return data;
            },
            verdict::non_strict,
            "filename* wins, as RFC 6266 §4.3 says for HTTP responses and busboy does; the file "
            "then carries a name that a check on filename never saw (CVE-2026-53537)");
    form_part only_star = file_part("x\n", std::nullopt);
    only_star.filename_star = "\xC3\xA9t\xC3\xA9.txt";
    add("filename-star-only", "filename* without filename", single_with_file(only_star))
        .level(level::should)
        .rule(
            "A lone filename* may name the file or be ignored: RFC 7578 defines only filename, "
            "and the part is the file either way",
            "RFC 7578 §4.2; RFC 8187")
        .intends(200)
        .accepts_data(
            [](json data) {
              data["single"]["filename"] = "";
              return data;
            },
            verdict::pass,
            "filename* ignored, as RFC 7578 defines no such parameter: the file without a "
            "filename, as in files.no-filename");
  }
  {
    // Found by upspec fuzz against dgs: Spring's Content-Disposition parser throws on a filename*
    // in a charset other than UTF-8 and ISO-8859-1, and on a bad percent-encoding; the multipart
    // resolver turns that into a 500 for the whole request, whatever filename says.
    for (const auto& [name, star, decoded] :
         std::vector<std::tuple<std::string, std::string, std::string>>{
             {"filename-star-other-charset", "ISO-8859-2''r%E9sum%E9.txt",
              "r\xC3\xA9sum\xC3\xA9.txt"},
             {"filename-star-bad-percent", "UTF-8''bad%G1.txt", "bad%G1.txt"}}) {
      form_part part{"", {}, {}, "text/plain", "x\n", {}, true};
      part.extra_headers.emplace_back(
          "Content-Disposition",
          "form-data; name=\"0\"; filename=\"fallback.txt\"; filename*=" + star);
      const std::string reported = decoded;
      cat.add("files", name,
              "A filename* that " +
                  std::string(name == "filename-star-other-charset"
                                  ? "names a charset other than UTF-8"
                                  : "is badly percent-encoded") +
                  ", next to filename")
          .multipart(encoder::encode_form(single_with_file(part)))
          .origin("regression")
          .level(level::should)
          .rule(
              "A filename* a receiver cannot decode is ignored (filename names the file) or "
              "the request refused; it is never a server error",
              "RFC 8187 §3.2; RFC 7578 §4.2; RFC 6266 §4.3")
          .intends(200)
          .accepts({400}, verdict::non_strict, "a receiver may refuse a parameter it cannot decode")
          .accepts_data(
              [reported](json data) {
                data["single"]["filename"] = reported;
                return data;
              },
              verdict::non_strict,
              "filename* wins, decoded as well as the receiver could (files.filename-star)");
    }
  }
  // Found by upspec fuzz against gqlgen: a filename byte that is not UTF-8 was copied into the
  // JSON answer as it came, and the answer was no longer JSON.
  add("filename-not-utf8", "A filename in ISO-8859-1 (bytes that are not UTF-8)",
      single_with_file(file_part("x\n", "r\xE9sum\xE9.txt")))
      .origin("regression")
      .rule(
          "The answer is JSON, which is UTF-8: a filename that is not UTF-8 is decoded or its "
          "bad bytes replaced, never copied into the answer as they came",
          "RFC 8259 §8.1; RFC 7578 §4.2")
      .intends(200)
      .accepts_data(
          [](json data) {
            data["single"]["filename"] = "r\xC3\xA9sum\xC3\xA9.txt";
            return data;
          },
          verdict::pass, "the name decoded as ISO-8859-1, as busboy and Python do")
      .accepts({400}, verdict::non_strict,
               "a receiver may refuse a header value that is not UTF-8");
  for (const auto& [name, type] : std::vector<std::pair<std::string, std::optional<std::string>>>{
           {"type-png", "image/png"},
           {"type-with-charset", "text/plain; charset=utf-8"},
           {"type-uppercase", "IMAGE/PNG"},
           {"type-missing", std::nullopt},
           {"type-invalid", "not a type"},
       })
    add(name, "The file part's Content-Type: " + type.value_or("absent"),
        single_with_file(file_part("x\n", "a.bin", type)))
        .level(level::should)
        .rule("mimetype is the media type, lowercased without parameters; text/plain by default",
              "RFC 7578 §4.4")
        .intends(200);
  {
    auto parts = single_parts();
    parts.push_back({"operations", "ops.json", {}, "application/json", "{}", {}, false});
    add("operations-named-file-late", "A file part named operations after the map", parts)
        .level(level::may)
        .rule("Parts after the map that it does not name are ignored", kSpec)
        .intends(200);
  }
  {
    auto parts = single_parts();
    parts.front().filename = "operations.json";
    parts.front().content_type = "application/json";
    add("operations-as-file", "operations sent as a file part (curl -F operations=@file)", parts)
        .level(level::should)
        .rule("operations is the part named operations", kSpec)
        .intends(200)
        .accepts({400}, verdict::non_strict,
                 "graphql-upload treats any part with a filename as a file");
  }
  {
    std::vector<upload_file> files;
    for (int i = 0; i < 50; ++i)
      files.push_back({std::to_string(i),
                       {"variables.files." + std::to_string(i)},
                       "f" + std::to_string(i) + ".bin",
                       "application/octet-stream",
                       std::string(static_cast<std::size_t>(i) * 37, static_cast<char>(i))});
    cat.add("files", "fifty", "Fifty files of different sizes")
        .multipart(encoder::encode_request(multiple_operations(50), files))
        .rule(bytes_rule, kSpec)
        .intends(200);
  }
}

}  // namespace upspec::corpus
