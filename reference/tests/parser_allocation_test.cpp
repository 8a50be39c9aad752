// The parser allocates once, when it is made; feeding it never touches the heap.

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "upspec/multipart/parser.hpp"

namespace {
std::atomic<std::size_t> g_allocations{0};
}  // namespace

// Counting replacements of the global allocation functions (this test binary only).
void* operator new(std::size_t n) {
  ++g_allocations;
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}

namespace upspec::multipart {
namespace {

class null_sink : public parser_events {
 public:
  std::size_t bytes = 0;
  void on_part_begin() override {}
  void on_header(std::string_view, std::string_view) override {}
  void on_headers_complete() override {}
  void on_part_data(std::string_view b) override { bytes += b.size(); }
  void on_part_end() override {}
  void on_body_end() override {}
};

std::string many_parts_body() {
  std::string body;
  for (int i = 0; i < 50; ++i) {
    body +=
        "--b0undary\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x\"\r\nX-Folded: "
        "a\r\n b\r\n\r\n";
    std::string data(20000 + i, 'd');
    for (std::size_t j = 0; j < data.size(); j += 101) data[j] = "\r\n-"[j % 3];
    body += data + "\r\n--b0undaryX\r\n";  // a look-alike too
  }
  return body + "\r\n--b0undary--\r\n";
}

TEST(ParserAllocation, FeedingNeverAllocates) {
  const std::string body = many_parts_body();
  for (std::size_t chunk :
       {std::size_t{1}, std::size_t{7}, std::size_t{4096}, std::size_t{65536}}) {
    parser p("b0undary");
    null_sink sink;
    const std::size_t before = g_allocations.load();
    for (std::size_t at = 0; at < body.size(); at += chunk)
      ASSERT_TRUE(p.feed(std::string_view(body).substr(at, chunk), sink));
    ASSERT_TRUE(p.finish(sink));
    EXPECT_EQ(g_allocations.load(), before) << "chunk size " << chunk;
    EXPECT_GT(sink.bytes, 50u * 20000);
  }
}

}  // namespace
}  // namespace upspec::multipart
