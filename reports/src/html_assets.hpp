#pragma once

#include <string_view>

namespace upspec::reports::detail {

// The page's fixed stylesheet and script. They are inline (the page must stand alone) and
// pinned by hash in its Content-Security-Policy, so nothing else can run or style the page even
// if an escaping bug let markup from a server's response through.
std::string_view html_style();
std::string_view html_script();

}  // namespace upspec::reports::detail
