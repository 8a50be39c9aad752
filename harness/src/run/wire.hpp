#pragma once
// Sending one case's exact bytes the way its transport says, and reading the answer.

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "client/http_response.hpp"
#include "client/raw_connection.hpp"
#include "corpus/test_case.hpp"
#include "run/silence.hpp"
#include "run/target.hpp"

namespace upspec::run {

using header_list = std::vector<std::pair<std::string, std::string>>;

struct exchange_result {
  std::optional<client::http_response> response;
  silence why_none = silence::none;
  std::string error;      // why there is no answer
  std::string wire;       // the exchange as escaped text, truncated
  bool reusable = false;  // the connection may carry another request
  std::chrono::microseconds sending{0};
  std::chrono::microseconds waiting{0};
};

// Request line and headers: the case's headers in order, then the target's, then the framing
// header the transport needs; Host first.
std::string request_head(const corpus::test_case& c, const endpoint& ep, const header_list& extra);

// Sends the case on `conn` (connected already) and reads the answer.
exchange_result exchange(client::raw_connection& conn, const corpus::test_case& c,
                         const endpoint& ep, const header_list& extra);

// Bytes as readable text: printable ASCII as is, \r \n \t escaped, anything else \xHH; at most
// `limit` input bytes, then a note of how many more there were.
std::string escape_bytes(std::string_view bytes, std::size_t limit);

}  // namespace upspec::run
