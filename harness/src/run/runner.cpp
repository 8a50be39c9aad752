#include "run/runner.hpp"

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "corpus/catalog_support.hpp"
#include "corpus/reference_answer.hpp"
#include "serve/reference_server.hpp"

namespace upspec::run {
namespace {

using clock_type = std::chrono::steady_clock;

std::string limits_key(const request::limits& l) {
  return std::to_string(l.max_field_size) + "/" +
         (l.max_file_size ? std::to_string(*l.max_file_size) : "-") + "/" +
         (l.max_files ? std::to_string(*l.max_files) : "-");
}

// The built-in reference server, one instance per limits profile the cases assume.
class builtin_servers {
 public:
  explicit builtin_servers(std::chrono::milliseconds timeout) : timeout_(timeout) {}
  endpoint get(const request::limits& l) {
    std::lock_guard lock(mutex_);
    auto& s = servers_[limits_key(l)];
    if (!s) s = start(l);
    return {"127.0.0.1", s->port(), "/graphql"};
  }
  void restart(const request::limits& l) {
    std::lock_guard lock(mutex_);
    auto& s = servers_[limits_key(l)];
    if (s) s->stop();
    s = start(l);
  }

 private:
  std::unique_ptr<serve::background_server> start(const request::limits& l) {
    serve::server_options o;
    o.limits = l;
    o.idle_timeout = timeout_;
    return std::make_unique<serve::background_server>(o);
  }
  std::chrono::milliseconds timeout_;
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<serve::background_server>> servers_;
};

const corpus::test_case& canary_case() {
  static const corpus::test_case c = [] {
    corpus::test_case k;
    k.id = "canary.single-file";
    k.category = "canary";
    const auto r = corpus::build::single_request();
    k.request.headers = {{"Content-Type", r.content_type}};
    k.request.body = r.body;
    k.expect = corpus::expectation_from(corpus::reference_reply(k));
    return k;
  }();
  return c;
}

// A known-good upload, on a fresh connection (or on `reuse` when given).
std::optional<std::string> canary_fails(const endpoint& ep, const header_list& extra,
                                        std::chrono::milliseconds timeout,
                                        client::raw_connection* reuse) {
  client::raw_connection fresh(timeout);
  client::raw_connection& conn = reuse ? *reuse : fresh;
  if (!reuse)
    if (auto ec = conn.connect(ep.host, ep.port)) return "cannot connect: " + ec.message();
  const auto x = exchange(conn, canary_case(), ep, extra);
  if (!x.response) return x.error;
  judgement j = judge(canary_case(), {}, observation{x.response, x.error, false, false, {}, {}});
  if (j.verdict != corpus::verdict::pass)
    return j.findings.empty() ? std::string("unexpected answer") : j.findings.front();
  return std::nullopt;
}

}  // namespace

std::optional<corpus::test_case> adapt_to_limits(const corpus::test_case& c,
                                                 const request::limits& limits) {
  if (c.limits == limits) return c;
  if (c.category == "limits") return std::nullopt;
  corpus::test_case adapted = c;
  adapted.limits = limits;
  if (c.request.how.mode != corpus::transport_mode::abort)
    adapted.expect = corpus::expectation_from(corpus::reference_reply(adapted), c.expect);
  return adapted;
}

std::optional<corpus::test_case> adapt_to_target(const corpus::test_case& c, const target& t) {
  auto adapted = adapt_to_limits(c, t.limits);
  if (adapted && t.max_request_size && adapted->request.body_size() > *t.max_request_size &&
      adapted->expect.status != 0) {
    corpus::expectation refused;
    refused.status = 413;
    adapted->expect = refused;  // over the request size limit the target declares
  }
  return adapted;
}

target_run run_target(const target& t, const std::vector<corpus::test_case>& cases,
                      const run_options& options, const result_callback& on_result,
                      server_control* control) {
  target_run out;
  out.t = t;
  out.results.resize(cases.size());
  std::optional<builtin_servers> builtin;
  endpoint fixed;
  if (t.builtin) {
    builtin.emplace(options.timeout);
    out.url = "http://127.0.0.1:{port}/graphql";
  } else {
    fixed = std::get<endpoint>(parse_url(t.url));
    out.url = t.url;
    if (control) {
      const std::string port = ":" + std::to_string(fixed.port);
      if (const auto at = out.url.find(port); at != std::string::npos)
        out.url.replace(at, port.size(), ":{port}");
    }
  }
  std::mutex restart_mutex;
  // Whether the server exited during the case; if so it is started again for the next one.
  const auto check_server = [&](observation& seen, const std::string& case_id) {
    if (!control) return;
    auto how = control->exited();
    // A crash can reset the connection a moment before the process is gone.
    for (int i = 0; !how && !seen.response && i < 10; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      how = control->exited();
    }
    if (!how) return;
    seen.server_exited = *how;
    std::lock_guard lock(restart_mutex);
    if (control->exited()) control->restart("it " + *how + " during case " + case_id);
  };
  header_list extra = t.headers;
  extra.insert(extra.end(), options.headers.begin(), options.headers.end());

  // A target that refuses the canary itself (a CSRF check without its header, say) would have
  // every case blamed for poisoning it: the canary's checks are left out there, and said so.
  bool canary = options.canary;
  if (canary && !t.builtin) {
    if (auto why = canary_fails(fixed, extra, options.timeout, nullptr)) {
      canary = false;
      out.note =
          "the canary (the specification's single-file upload) fails on this target "
          "before any case (" +
          *why +
          "): neither poisoning nor the reuse of a "
          "connection after an error answer is judged";
    }
  }

  std::atomic<std::size_t> next{0};
  const auto worker = [&] {
    // One keep-alive connection per endpoint, reused from case to case.
    std::map<std::uint16_t, std::unique_ptr<client::raw_connection>> connections;
    for (std::size_t i; (i = next.fetch_add(1)) < cases.size();) {
      const auto started = clock_type::now();
      case_result r;
      r.case_index = i;
      const corpus::test_case& original = cases[i];
      std::optional<corpus::test_case> adapted =
          t.builtin ? std::optional<corpus::test_case>(original) : adapt_to_target(original, t);
      if (!adapted) {
        r.j.verdict = corpus::verdict::unsupported;
        r.j.findings.push_back("the case assumes other limits than the target declares");
        r.j.actual_summary = "not run";
        out.results[i] = std::move(r);
        if (on_result) on_result(t, original, out.results[i]);
        continue;
      }
      const corpus::test_case& c = *adapted;
      observation seen;
      bool skipped = false;
      for (const auto& field : c.requires_fields)
        skipped = skipped || t.traits.unsupported_fields.count(field) > 0;
      const endpoint ep = t.builtin ? builtin->get(c.limits) : fixed;
      if (!skipped) {
        auto& conn = connections[ep.port];
        if (conn && !conn->is_open()) conn.reset();
        bool reused = conn != nullptr;
        if (!conn) {
          conn = std::make_unique<client::raw_connection>(options.timeout);
          if (auto ec = conn->connect(ep.host, ep.port)) {
            seen.transport_error = "cannot connect to " + ep.host + ":" + std::to_string(ep.port) +
                                   ": " + ec.message();
            conn.reset();
          }
        }
        if (conn) {
          auto x = exchange(*conn, c, ep, extra);
          if (!x.response && reused && c.request.how.mode != corpus::transport_mode::abort) {
            // The server may have closed the idle keep-alive connection: one retry on a new one.
            conn = std::make_unique<client::raw_connection>(options.timeout);
            if (!conn->connect(ep.host, ep.port)) x = exchange(*conn, c, ep, extra);
          }
          seen.response = x.response;
          seen.transport_error = x.error;
          r.wire = std::move(x.wire);
          if (t.builtin || control) {
            // The port changes from run to run; reports must diff cleanly.
            const std::string host = "127.0.0.1:" + std::to_string(ep.port);
            for (auto at = r.wire.find(host); at != std::string::npos; at = r.wire.find(host, at))
              r.wire.replace(at, host.size(), "127.0.0.1:{port}");
          }
          r.connection = x.reusable ? "reused" : "closed";
          if (canary && x.reusable && x.response && x.response->status >= 400) {
            // RFC 9112 §9.3: a connection the server keeps open must carry the next request.
            if (auto why = canary_fails(ep, extra, options.timeout, conn.get())) {
              seen.connection_unusable = true;
              r.connection = "broken";
              r.wire += "\n\n[a request on the same connection afterwards failed: " + *why + "]";
              conn.reset();
            }
          } else if (!x.reusable) {
            conn.reset();
          }
        }
        check_server(seen, c.id);
        // A target that cannot be reached at all is down, not poisoned by this case.
        const bool unreachable = seen.transport_error.rfind("cannot connect", 0) == 0;
        if (canary && !unreachable && seen.server_exited.empty()) {
          if (auto why = canary_fails(ep, extra, options.timeout, nullptr)) {
            check_server(seen, c.id);
            seen.canary_failed = seen.server_exited.empty();
            seen.canary_error = *why;
            r.poisoned = seen.canary_failed;
            if (r.poisoned && options.jobs == 1) {
              if (t.builtin) builtin->restart(c.limits);
              if (control) {
                std::lock_guard lock(restart_mutex);
                control->restart("the canary failed after case " + c.id);
              }
            }
          }
        }
      }
      r.j = judge(c, t.traits, seen);
      r.response = std::move(seen.response);
      r.duration_ms =
          std::chrono::duration_cast<std::chrono::milliseconds>(clock_type::now() - started)
              .count();
      out.results[i] = std::move(r);
      if (on_result) on_result(t, original, out.results[i]);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned k = 1; k < std::max(1u, options.jobs); ++k) pool.emplace_back(worker);
  worker();
  for (auto& th : pool) th.join();
  return out;
}

}  // namespace upspec::run
