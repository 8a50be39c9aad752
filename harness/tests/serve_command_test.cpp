// `upspec serve` as a user runs it: the first line names the URL, a taken port is a clear
// error with exit status 1, SIGTERM and SIGINT stop it cleanly.

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <regex>

#include "serve_test_support.hpp"

extern char** environ;

namespace upspec::serve::testing {
namespace {

using namespace std::chrono_literals;

// `upspec serve ARGS...` with its standard output and error on pipes.
class serve_process {
 public:
  explicit serve_process(std::vector<std::string> args) {
    args.insert(args.begin(), {UPSPEC_BINARY, "serve"});
    int out[2];
    int err[2];
    if (pipe(out) != 0 || pipe(err) != 0) throw std::runtime_error("pipe");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    posix_spawn_file_actions_addclose(&actions, err[0]);
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int rc = posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    close(err[1]);
    out_ = out[0];
    err_ = err[0];
    if (rc != 0) throw std::runtime_error("posix_spawn failed");
  }
  ~serve_process() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    close(out_);
    close(err_);
  }
  serve_process(const serve_process&) = delete;
  serve_process& operator=(const serve_process&) = delete;

  // The first line of standard output, waiting at most `wait`.
  std::string first_line(std::chrono::milliseconds wait) {
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + wait;
    char c;
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd p{out_, POLLIN, 0};
      if (poll(&p, 1, 50) <= 0) continue;
      if (read(out_, &c, 1) != 1 || c == '\n') break;
      line.push_back(c);
    }
    return line;
  }

  // The exit status, or -1 when it is still running after `wait`.
  int wait_exit(std::chrono::milliseconds wait) {
    const auto deadline = std::chrono::steady_clock::now() + wait;
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(20ms);
    }
    return -1;
  }

  std::string drain_stderr() {
    std::string text;
    char buf[4096];
    fcntl(err_, F_SETFL, O_NONBLOCK);
    for (ssize_t n; (n = read(err_, buf, sizeof buf)) > 0;)
      text.append(buf, static_cast<std::size_t>(n));
    return text;
  }

  void signal(int sig) { kill(pid_, sig); }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  int err_ = -1;
};

std::uint16_t port_of(const std::string& line) {
  std::smatch m;
  const std::regex pattern(R"(^listening on http://127\.0\.0\.1:(\d+)/graphql$)");
  if (!std::regex_match(line, m, pattern)) return 0;
  return static_cast<std::uint16_t>(std::stoi(m[1]));
}

http_response ping(std::uint16_t port) {
  raw_connection c(10s);
  http_response res;
  if (c.connect(kLoopback, port)) return res;
  http_request r = json_request({{"query", "{ ping }"}});
  if (c.send(client::request_bytes(r))) return res;
  c.read_response(res);
  return res;
}

TEST(ServeCommand, PrintsTheUrlServesAndStopsOnSigterm) {
  for (const int sig : {SIGTERM, SIGINT}) {
    serve_process p({"--port", "0"});
    const std::string line = p.first_line(10s);
    const std::uint16_t port = port_of(line);
    ASSERT_NE(port, 0) << line;
    const http_response res = ping(port);
    EXPECT_EQ(res.status, 200);
    EXPECT_EQ(body_json(res), json::parse(R"({"data":{"ping":true}})"));
    p.signal(sig);
    EXPECT_EQ(p.wait_exit(10s), 0);
    const std::string log = p.drain_stderr();
    EXPECT_NE(log.find("\"POST /graphql\" 200"), std::string::npos) << log;
  }
}

TEST(ServeCommand, QuietLogsNothing) {
  serve_process p({"--port", "0", "--quiet", "--max-file-size", "10", "--max-files", "3"});
  const std::uint16_t port = port_of(p.first_line(10s));
  ASSERT_NE(port, 0);
  EXPECT_EQ(ping(port).status, 200);
  p.signal(SIGTERM);
  EXPECT_EQ(p.wait_exit(10s), 0);
  EXPECT_EQ(p.drain_stderr(), "");
}

TEST(ServeCommand, TakenPortExitsWithStatus1) {
  served holder;
  const std::string port = std::to_string(holder.port());
  serve_process p({"--port", port});
  EXPECT_EQ(p.wait_exit(10s), 1);
  EXPECT_EQ(p.drain_stderr(),
            "upspec serve: cannot listen on 127.0.0.1:" + port + ": Address already in use\n");
}

}  // namespace
}  // namespace upspec::serve::testing
