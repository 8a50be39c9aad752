#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace upspec::reports::detail {

struct Attr {
  std::string_view name;
  std::string_view value;
};

// Just enough of an XML writer for junit.xml: element names and attribute names are ours and
// trusted, every value and text goes through append_escaped, so the output is well-formed
// XML 1.0 whatever the strings hold.
class XmlWriter {
 public:
  XmlWriter();

  void open(std::string_view tag, std::initializer_list<Attr> attrs = {});
  void close();
  void empty(std::string_view tag, std::initializer_list<Attr> attrs = {});
  // <tag attrs>text</tag> on one line.
  void element(std::string_view tag, std::initializer_list<Attr> attrs, std::string_view text);

  // Closes what is still open and hands the document over.
  std::string finish();

 private:
  void start_tag(std::string_view tag, std::initializer_list<Attr> attrs);
  void indent();

  std::string out_;
  std::vector<std::string_view> open_;
};

}  // namespace upspec::reports::detail
