#include "text.hpp"

#include <gtest/gtest.h>

#include <random>

#include "html_text.hpp"
#include "xml_check.hpp"

namespace upspec::reports::detail {
namespace {

using namespace std::string_literals;

TEST(Escape, MarkupCharactersPerFormat) {
  const std::string s = "<a href=\"x\">&'</a>";
  EXPECT_EQ(escaped(s, Markup::xml_text), "&lt;a href=\"x\"&gt;&amp;'&lt;/a&gt;");
  EXPECT_EQ(escaped(s, Markup::xml_attr), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(escaped(s, Markup::html), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(escaped(s, Markup::line), s);
}

TEST(Escape, CdataEndAndScriptEndCannotSurvive) {
  EXPECT_EQ(escaped("]]>", Markup::xml_text), "]]&gt;");
  EXPECT_EQ(escaped("</script>", Markup::html), "&lt;/script&gt;");
  EXPECT_EQ(escaped("</noscript>", Markup::html), "&lt;/noscript&gt;");
}

TEST(Escape, ControlCharactersBecomeVisibleEscapes) {
  const std::string s = "a\0b\x07\x1b[31m\x7f"s;
  EXPECT_EQ(escaped(s, Markup::html), "a\\x00b\\x07\\x1B[31m\\x7F");
  EXPECT_EQ(escaped(s, Markup::xml_text), "a\\x00b\\x07\\x1B[31m\\x7F");
  EXPECT_EQ(escaped(s, Markup::line), "a\\x00b\\x07\\x1B[31m\\x7F");
  // C1 controls (here U+0085 and U+009B, the one-byte CSI) and the XML non-characters.
  EXPECT_EQ(escaped("\xC2\x85\xC2\x9B", Markup::line), "\\u{0085}\\u{009B}");
  EXPECT_EQ(escaped("\xEF\xBF\xBE\xEF\xBF\xBF", Markup::xml_text), "\\u{FFFE}\\u{FFFF}");
}

TEST(Escape, TabLineFeedAndCarriageReturn) {
  const std::string s = "a\tb\nc\rd";
  EXPECT_EQ(escaped(s, Markup::xml_text), s);
  EXPECT_EQ(escaped(s, Markup::html), s);
  EXPECT_EQ(escaped(s, Markup::xml_attr), "a&#9;b&#10;c&#13;d");
  EXPECT_EQ(escaped(s, Markup::markdown), "a b c d");
  EXPECT_EQ(escaped(s, Markup::line), "a b c d");
}

TEST(Escape, InvalidUtf8BytesAreShownOneByOne) {
  EXPECT_EQ(escaped("ok\xff\xfe", Markup::html), "ok\\xFF\\xFE");
  EXPECT_EQ(escaped("\xC0\xAF", Markup::html), "\\xC0\\xAF");                    // overlong '/'
  EXPECT_EQ(escaped("\xED\xA0\x80", Markup::html), "\\xED\\xA0\\x80");           // a surrogate
  EXPECT_EQ(escaped("\xF4\x90\x80\x80", Markup::html), "\\xF4\\x90\\x80\\x80");  // > U+10FFFF
  EXPECT_EQ(escaped("caf\xC3", Markup::html), "caf\\xC3");                       // cut sequence
  EXPECT_EQ(escaped("caf\xC3\xA9 \xF0\x9F\x98\x80", Markup::html), "caf\xC3\xA9 \xF0\x9F\x98\x80");
}

TEST(Escape, MarkdownNeutralisesTableAndInlineMarkup) {
  EXPECT_EQ(escaped("a|b *c* _d_ `e` [f](g) ~h~ \\", Markup::markdown),
            "a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) \\~h\\~ \\\\");
  EXPECT_EQ(escaped("<img src=x onerror=alert(1)>&", Markup::markdown),
            "&lt;img src=x onerror=alert(1)&gt;&amp;");
}

TEST(Escape, OutputIsAlwaysAllowedInXml) {
  std::string every_byte;
  for (int b = 0; b < 256; ++b) every_byte += static_cast<char>(b);
  for (Markup m : {Markup::xml_text, Markup::xml_attr}) {
    const std::string doc =
        "<r a=\"" + escaped(every_byte, Markup::xml_attr) + "\">" + escaped(every_byte, m) + "</r>";
    EXPECT_EQ(testing::xml_problem(doc), "");
  }
}

TEST(Escape, RandomBytesAlwaysGiveWellFormedXml) {
  std::mt19937 random(6);
  // Lead bytes of 2-, 3- and 4-byte sequences and continuation bytes, so that valid, overlong,
  // truncated and surrogate sequences all come up.
  const std::string alphabet =
      "a<&>\"'\t\n\r\0\x7f\xc2\x85\xe0\xed\xef\xbf\xbe\xf0\xf4\x80\x9f\xa0"s;
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    const std::size_t n = random() % 24;
    for (std::size_t i = 0; i < n; ++i) {
      s += random() % 4 == 0 ? static_cast<char>(random() % 256)
                             : alphabet[random() % alphabet.size()];
    }
    const std::string doc =
        "<r a=\"" + escaped(s, Markup::xml_attr) + "\">" + escaped(s, Markup::xml_text) + "</r>";
    ASSERT_EQ(testing::xml_problem(doc), "") << doc;
    ASSERT_EQ(escaped(s, Markup::html).find('<'), std::string::npos);
  }
}

TEST(Utf8Prefix, NeverSplitsASequence) {
  const std::string s = "ab\xC3\xA9z";  // "abéz"
  EXPECT_EQ(utf8_prefix(s, 10), s);
  EXPECT_EQ(utf8_prefix(s, 4), "ab\xC3\xA9");
  EXPECT_EQ(utf8_prefix(s, 3), "ab");
  EXPECT_EQ(utf8_prefix(s, 2), "ab");
  EXPECT_EQ(utf8_prefix(std::string(10, '\x80'), 5).size(), 5u);  // not UTF-8: cut anywhere
}

TEST(BytesHtml, BreaksLinesAfterEscapedLineFeeds) {
  std::string out;
  append_bytes_html(out, "GET / HTTP/1.1\\r\\nHost: x\\r\\n\\r\\nbody <b>", 1000);
  EXPECT_EQ(out, "GET / HTTP/1.1\\r\\n\nHost: x\\r\\n\n\\r\\n\nbody &lt;b&gt;");
  out.clear();
  append_bytes_html(out, "a\\\\nb", 1000);  // an escaped backslash, then 'n'
  EXPECT_EQ(out, "a\\\\nb");
}

TEST(BytesHtml, SaysWhereItCut) {
  std::string out;
  append_bytes_html(out, std::string(100, 'a'), 10);
  EXPECT_EQ(out, std::string(10, 'a') + "…[90 more bytes in index.json]");
}

}  // namespace
}  // namespace upspec::reports::detail
