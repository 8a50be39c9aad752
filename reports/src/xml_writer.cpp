#include "xml_writer.hpp"

#include <utility>

#include "text.hpp"

namespace upspec::reports::detail {

XmlWriter::XmlWriter() : out_("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") {}

void XmlWriter::indent() {
  out_.append(2 * open_.size(), ' ');
}

void XmlWriter::start_tag(std::string_view tag, std::initializer_list<Attr> attrs) {
  indent();
  out_ += '<';
  out_ += tag;
  for (const Attr& a : attrs) {
    out_ += ' ';
    out_ += a.name;
    out_ += "=\"";
    append_escaped(out_, a.value, Markup::xml_attr);
    out_ += '"';
  }
}

void XmlWriter::open(std::string_view tag, std::initializer_list<Attr> attrs) {
  start_tag(tag, attrs);
  out_ += ">\n";
  open_.push_back(tag);
}

void XmlWriter::close() {
  const std::string_view tag = open_.back();
  open_.pop_back();
  indent();
  out_ += "</";
  out_ += tag;
  out_ += ">\n";
}

void XmlWriter::empty(std::string_view tag, std::initializer_list<Attr> attrs) {
  start_tag(tag, attrs);
  out_ += "/>\n";
}

void XmlWriter::element(std::string_view tag, std::initializer_list<Attr> attrs,
                        std::string_view text) {
  start_tag(tag, attrs);
  out_ += '>';
  append_escaped(out_, text, Markup::xml_text);
  out_ += "</";
  out_ += tag;
  out_ += ">\n";
}

std::string XmlWriter::finish() {
  while (!open_.empty()) close();
  return std::move(out_);
}

}  // namespace upspec::reports::detail
