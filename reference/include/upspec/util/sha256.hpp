#pragma once
// Incremental SHA-256 (OpenSSL EVP), for the digests the outcome and the server report.

#include <memory>
#include <string>
#include <string_view>

namespace upspec {

class sha256 {
 public:
  sha256();
  ~sha256();
  sha256(sha256&&) noexcept;
  sha256& operator=(sha256&&) noexcept;

  void update(std::string_view bytes);
  std::string hex_digest();  // lowercase hex; the object is spent afterwards

  static std::string hex_of(std::string_view bytes);

 private:
  struct context;
  std::unique_ptr<context> ctx_;
};

}  // namespace upspec
