#pragma once
// A loopback server that misbehaves on purpose (silent, garbage, closing, dribbling), for the
// tests of how the harness judges and exits against such a target.

#include <atomic>
#include <boost/asio.hpp>
#include <functional>
#include <string>
#include <thread>

namespace upspec::testing {

namespace net = boost::asio;
using tcp = net::ip::tcp;

// A loopback server that treats every connection with `behave`.
class hostile_server {
 public:
  explicit hostile_server(std::function<void(tcp::socket&)> behave)
      : acceptor_(ioc_, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0)),
        behave_(std::move(behave)) {
    thread_ = std::thread([this] {
      while (!stop_) {
        tcp::socket s(ioc_);
        boost::system::error_code ec;
        acceptor_.accept(s, ec);
        if (ec || stop_) break;
        // One connection at a time: the harness opens one per case, and nothing may outlive
        // the server.
        try {
          behave_(s);
        } catch (...) {
        }
      }
    });
  }
  ~hostile_server() {
    stop_ = true;
    boost::system::error_code ec;
    tcp::socket poke(ioc_);
    poke.connect(acceptor_.local_endpoint(), ec);  // wakes the blocking accept
    thread_.join();
  }
  std::string url() const {
    return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port()) + "/graphql";
  }

 private:
  net::io_context ioc_;
  tcp::acceptor acceptor_;
  std::function<void(tcp::socket&)> behave_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

inline void read_some(tcp::socket& s) {
  char buf[4096];
  boost::system::error_code ec;
  s.read_some(net::buffer(buf), ec);
}

// An HTTP/1.1 answer with a JSON body, the connection closed after it.
inline std::string json_answer(int status, const std::string& body) {
  return "HTTP/1.1 " + std::to_string(status) +
         " X\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n\r\n" + body;
}

}  // namespace upspec::testing
