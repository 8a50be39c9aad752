#include "upspec/properties/encoding.hpp"

#include <algorithm>

#include "upspec/multipart/header_parameters.hpp"
#include "upspec/properties/content.hpp"

namespace upspec::properties {
namespace {

const std::string kBchars =
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ";
const std::string kAlnum = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

rc::Gen<std::string> gen_chars(const std::string& alphabet, std::size_t size) {
  return rc::gen::container<std::string>(size, rc::gen::elementOf(alphabet));
}

rc::Gen<std::string> gen_random_boundary() {
  return rc::gen::exec([] {
    const auto size = *rc::gen::weightedOneOf<std::size_t>({
        {4, rc::gen::inRange<std::size_t>(1, 11)},
        {3, rc::gen::inRange<std::size_t>(11, 60)},
        {3, rc::gen::inRange<std::size_t>(60, 71)},
    });
    std::string b = *gen_chars(kBchars, size);
    if (b.back() == ' ') b.back() = '_';  // bcharsnospace last
    return b;
  });
}

rc::Gen<std::string> trim_to_boundary(rc::Gen<std::string> g) {
  return rc::gen::map(std::move(g), [](std::string b) { return b.substr(0, 70); });
}

}  // namespace

bool boundary_needs_quotes(const std::string& boundary) {
  return !std::all_of(boundary.begin(), boundary.end(), multipart::is_token_char);
}

rc::Gen<std::string> gen_boundary() {
  return rc::gen::weightedOneOf<std::string>({
      {5, gen_random_boundary()},
      // Browsers and curl.
      {2, rc::gen::map(gen_chars(kAlnum, 16),
                       [](std::string s) { return "----WebKitFormBoundary" + s; })},
      {1, rc::gen::map(gen_chars("0123456789abcdef", 16),
                       [](std::string s) { return std::string(24, '-') + s; })},
      // Delimiters made of dashes, and boundaries that are prefixes of likely content.
      {1, trim_to_boundary(rc::gen::map(rc::gen::inRange<std::size_t>(1, 71),
                                        [](std::size_t n) { return std::string(n, '-'); }))},
      {1,
       rc::gen::element<std::string>("a", "-", "x-", "0", "upspec", "a b", "=?", "'()+_,-./:=?")},
  });
}

rc::Gen<encoder::encoding> gen_encoding() {
  return rc::gen::exec([] {
    encoder::encoding enc;
    enc.boundary = *gen_boundary();
    enc.quote_boundary = boundary_needs_quotes(enc.boundary) || *rc::gen::arbitrary<bool>();
    enc.media_type = *rc::gen::element<std::string>("multipart/form-data", "Multipart/Form-Data",
                                                    "MULTIPART/FORM-DATA");
    enc.header_names = *rc::gen::element(encoder::header_case::canonical,
                                         encoder::header_case::lower, encoder::header_case::upper);
    enc.filename_before_name = *rc::gen::arbitrary<bool>();
    const int padding = *rc::gen::weightedElement<int>({{6, 0}, {3, 1}, {1, 2}});
    if (padding == 1)
      enc.transport_padding = *gen_chars(" \t", *rc::gen::inRange<std::size_t>(1, 9));
    if (padding == 2)
      enc.transport_padding = *gen_chars(" \t", *rc::gen::inRange<std::size_t>(9, 257));
    if (*rc::gen::weightedElement<bool>({{1, true}, {2, false}})) {
      content_recipe r = *gen_content_recipe();
      r.size %= 200;
      enc.preamble = defuse_delimiters(materialize(r, enc.boundary), enc.boundary, true);
    }
    if (*rc::gen::weightedElement<bool>({{1, true}, {2, false}})) {
      // The epilogue is ignored whatever it holds, real delimiters included.
      enc.epilogue = *rc::gen::element<std::string>(
          "epilogue", "\r\n",
          "--" + enc.boundary + "\r\n\r\nnot a part\r\n--" + enc.boundary + "--",
          std::string("\0\xff\r", 3));
    }
    return enc;
  });
}

rc::Gen<std::string> gen_content_type(const encoder::encoding& enc) {
  const std::string value = enc.quote_boundary ? "\"" + enc.boundary + "\"" : enc.boundary;
  const std::string& m = enc.media_type;
  return rc::gen::element<std::string>(
      m + "; boundary=" + value, m + ";boundary=" + value, m + "; charset=utf-8; boundary=" + value,
      m + "; boundary=" + value + "; charset=utf-8", m + " ; BOUNDARY=" + value,
      m + "; boundary=" + value + "; boundary=ignored");
}

}  // namespace upspec::properties
