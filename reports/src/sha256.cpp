#include "sha256.hpp"

#include <openssl/evp.h>
#include <openssl/sha.h>

namespace upspec::reports::detail {

std::array<std::uint8_t, 32> sha256(std::string_view data) {
  std::array<std::uint8_t, 32> out{};
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), out.data());
  return out;
}

std::string base64(const std::uint8_t* data, std::size_t size) {
  std::string out(4 * ((size + 2) / 3), '\0');
  const int n =
      EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(size));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::string csp_hash_source(std::string_view body) {
  const auto digest = sha256(body);
  return "'sha256-" + base64(digest.data(), digest.size()) + "'";
}

}  // namespace upspec::reports::detail
