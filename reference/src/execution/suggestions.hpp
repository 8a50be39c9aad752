#pragma once
// graphql-js's "Did you mean ...?" hints, so that messages about unknown names match it.

#include <string>
#include <string_view>
#include <vector>

namespace upspec::execution {

// graphql-js suggestionList(): the options within a lexical distance of 40% of the input's
// length (case-insensitive, transpositions count as one edit), closest first.
std::vector<std::string> suggestion_list(std::string_view input,
                                         const std::vector<std::string>& options);

// graphql-js didYouMean(): "" or ` Did you mean "a", "b", or "c"?` (five at most).
std::string did_you_mean(const std::vector<std::string>& suggestions);

}  // namespace upspec::execution
