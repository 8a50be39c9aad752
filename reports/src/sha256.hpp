#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace upspec::reports::detail {

// SHA-256 (OpenSSL), here to pin the page's own inline script and style in its
// Content-Security-Policy.
std::array<std::uint8_t, 32> sha256(std::string_view data);

std::string base64(const std::uint8_t* data, std::size_t size);

// A CSP hash source for an inline <script> or <style> body: 'sha256-BASE64'.
std::string csp_hash_source(std::string_view body);

}  // namespace upspec::reports::detail
