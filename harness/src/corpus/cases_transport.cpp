// How the bytes travel: chunked transfer coding, slow clients, aborted uploads, Expect.

#include "corpus/catalog_support.hpp"

namespace upspec::corpus {

using namespace build;

void add_transport_cases(catalog& cat) {
  const auto req = single_request();
  const auto add = [&](const std::string& name, const std::string& title) {
    return cat.add("transport", name, title).multipart(req);
  };
  for (std::size_t chunk : {std::size_t{1}, std::size_t{7}, std::size_t{100}, std::size_t{4096}})
    add("chunked-" + std::to_string(chunk),
        "Transfer-Encoding: chunked, " + std::to_string(chunk) + "-byte chunks")
        .via({transport_mode::chunked, chunk, 0, 0})
        .rule("A request body may use the chunked transfer coding", "RFC 9112 §7.1")
        .intends(200);
  add("drip-16", "A slow client: 16 bytes every 5 ms")
      .via({transport_mode::drip, 16, 5, 0})
      .rule("A body may arrive slowly; the parse must not depend on how it is split",
            "RFC 9112 §6; RFC 2046 §5.1.1")
      .intends(200);
  add("drip-1", "A slow client: one byte every millisecond")
      .via({transport_mode::drip, 1, 1, 0})
      .rule("A body may arrive slowly; the parse must not depend on how it is split",
            "RFC 9112 §6; RFC 2046 §5.1.1")
      .intends(200);
  {
    std::string big(256 * 1024, 'z');
    auto r = encoder::encode_request(
        single_operations(),
        {{"0", {"variables.file"}, "big.bin", "application/octet-stream", big}});
    cat.add("transport", "abort-mid-file", "The client disconnects in the middle of a file")
        .multipart(r)
        .via({transport_mode::abort, 0, 0, r.body.size() / 2})
        .rule(
            "A server survives a client that disconnects mid-upload; later requests are unaffected",
            "RFC 9112 §9.6; graphql-upload: Request disconnected during file upload stream parsing")
        .intends(0);
    cat.add("transport", "abort-in-operations",
            "The client disconnects in the middle of operations")
        .multipart(r)
        .via({transport_mode::abort, 0, 0, 60})
        .rule("A server survives a client that disconnects mid-request", "RFC 9112 §9.6")
        .intends(0);
    cat.add("transport", "chunked-large", "A 256 KiB file in 1000-byte chunks")
        .multipart(r)
        .via({transport_mode::chunked, 1000, 0, 0})
        .rule("A request body may use the chunked transfer coding", "RFC 9112 §7.1")
        .intends(200);
  }
  add("expect-100-continue", "Expect: 100-continue before the body")
      .header("Expect", "100-continue")
      .level(level::should)
      .rule("A server answers Expect: 100-continue with 100 or a final status", "RFC 9110 §10.1.1")
      .intends(200);
  add("connection-close", "Connection: close on the request")
      .header("Connection", "close")
      .rule("A server answers and closes", "RFC 9112 §9.6")
      .intends(200);
  {
    auto bad = single_request();
    bad.body = bad.body.substr(0, bad.body.find("name=\"map\"")) +
               "name=\"map\"\r\n\r\n{\r\n--upspec-6b1c0a8e3f9d4c27--\r\n";
    cat.add("transport", "keep-alive-after-400",
            "A 400 answer keeps the connection usable or closes it")
        .multipart(bad)
        .rule("After an error the connection is usable, or the answer says Connection: close",
              "RFC 9112 §9.3, §9.6")
        .intends(400, "map.invalid_json");
  }
}

}  // namespace upspec::corpus
