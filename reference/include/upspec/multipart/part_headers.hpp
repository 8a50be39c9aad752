#pragma once
// What a form-data part's headers say about it (RFC 7578 §4.2, §4.4; RFC 8187).

#include <optional>
#include <string>
#include <string_view>

namespace upspec::multipart {

struct content_disposition {
  std::string type;                     // lowercased disposition type
  std::optional<std::string> name;      // the `name` parameter; a `name*` is ignored
  std::optional<std::string> filename;  // `filename`, else a decodable `filename*`
};

// nullopt when the header value does not parse.
std::optional<content_disposition> parse_content_disposition(std::string_view value);

// RFC 8187 §3.2.1: ext-value = charset "'" [ language ] "'" value-chars, in UTF-8 or
// ISO-8859-1 (decoded to UTF-8); nullopt for another charset or bad percent-encoding.
std::optional<std::string> decode_ext_value(std::string_view ext_value);

// RFC 7578 §4.4: a part without Content-Type is text/plain. The reported media type is
// "type/subtype" lowercased and without parameters; an unparseable value counts as absent.
std::string part_media_type(const std::optional<std::string>& content_type);

// The headers of one part, collected as the parser reports them. The first of a repeated
// header wins.
class part_header_collector {
 public:
  void reset();
  void add(std::string_view name, std::string_view value);
  const std::optional<std::string>& disposition() const { return disposition_; }
  const std::optional<std::string>& content_type() const { return content_type_; }

 private:
  std::optional<std::string> disposition_;
  std::optional<std::string> content_type_;
};

}  // namespace upspec::multipart
