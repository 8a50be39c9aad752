#include "bodies.hpp"

#include <cstdlib>
#include <random>

#include "upspec/encoder/encoder.hpp"

namespace upspec::bench {

std::string content_type() {
  return std::string("multipart/form-data; boundary=") + kBoundary;
}

body make_body(const std::string& name, std::size_t parts, std::size_t part_size, content kind,
               int iterations) {
  std::mt19937_64 rng(0x5eed);
  std::vector<encoder::form_part> form;
  std::uint64_t total = 0;
  for (std::size_t i = 0; i < parts; ++i) {
    std::string data(part_size, '\0');
    if (kind == content::random_binary) {
      for (std::size_t j = 0; j < part_size; j += 8) {
        const std::uint64_t r = rng();
        for (std::size_t k = 0; k < 8 && j + k < part_size; ++k)
          data[j + k] = static_cast<char>(r >> (8 * k));
      }
    } else {
      static constexpr char kHostile[] = {'\r', '\n', '-'};
      for (auto& c : data) c = kHostile[rng() % 3];
    }
    total += data.size();
    form.push_back({"f" + std::to_string(i),
                    "f" + std::to_string(i) + ".bin",
                    std::nullopt,
                    "application/octet-stream",
                    std::move(data),
                    {},
                    false});
  }
  encoder::encoding enc;
  enc.boundary = kBoundary;
  return {name, encoder::encode_form(form, enc).body, parts, total, iterations};
}

std::vector<body> standard_bodies() {
  std::vector<body> out;
  out.push_back(make_body("1MiB-parts", 32, 1u << 20, content::random_binary, 15));
  out.push_back(make_body("16MiB-parts", 16, 16u << 20, content::random_binary, 9));
  out.push_back(make_body("1KiB-parts", 16384, 1024, content::random_binary, 9));
  out.push_back(make_body("adversarial", 4, 8u << 20, content::crlf_dash, 9));
  body one_byte = make_body("one-byte", 4, 64 * 1024, content::random_binary, 5);
  one_byte.chunk = 1;
  out.push_back(std::move(one_byte));
  return out;
}

double min_seconds() {
  const char* s = std::getenv("UPSPEC_BENCH_MIN_SECONDS");
  const double v = s != nullptr ? std::atof(s) : 0.0;
  return v > 0 ? v : 1.0;
}

}  // namespace upspec::bench
