#include "html_case.hpp"

#include <cstdio>

#include "html_text.hpp"

namespace upspec::reports::detail {
namespace {

std::size_t bulk_size(const Result& r, std::size_t max_field) {
  auto capped = [max_field](std::size_t n) { return n < max_field ? n : max_field; };
  std::size_t n = capped(r.actual_body.size()) + capped(r.wire.size());
  for (const auto& [key, value] : r.actual_headers) n += capped(key.size() + value.size());
  return n;
}

std::string milliseconds(double ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, ms < 10 ? "%.1f ms" : "%.0f ms", ms);
  return buf;
}

void append_term(std::string& out, const char* term, std::string_view value, std::size_t max) {
  out += "<dt>";
  out += term;
  out += "</dt><dd>";
  if (value.empty()) {
    out += "<span class=\"muted\">-</span>";
  } else {
    append_html(out, value, max);
  }
  out += "</dd>";
}

void append_case_meta(std::string& out, const Case& c, std::size_t max) {
  out += "<dl class=\"meta\">";
  append_term(out, "case", c.id, max);
  append_term(out, "title", c.title, max);
  append_term(out, "level", c.level, max);
  append_term(out, "rule", c.rule, max);
  append_term(out, "citation", c.cite, max);
  std::string request = c.method;
  if (!c.transport.empty()) request += (request.empty() ? "" : ", ") + c.transport;
  if (c.request_bytes) {
    request += (request.empty() ? "" : ", ") + std::to_string(*c.request_bytes) + " bytes";
  }
  append_term(out, "request", request, max);
  append_term(out, "expected", expected_text(c), max);
  out += "</dl>";
  if (!c.preview.empty()) {
    out += "<details class=\"bulk\" open><summary>request bytes</summary><pre>";
    append_bytes_html(out, c.preview, max);
    out += "</pre></details>";
  }
}

void append_bulk(std::string& out, const Result& r, std::size_t max) {
  if (r.responded) {
    out += "<details class=\"bulk\"><summary>response: ";
    out += std::to_string(r.actual_headers.size()) + " header(s), " +
           std::to_string(r.actual_body.size()) + " byte(s) of body as recorded</summary>";
    if (!r.actual_headers.empty()) {
      out += "<table class=\"hdr\">";
      for (const auto& [key, value] : r.actual_headers) {
        out += "<tr><th>";
        append_html(out, key, max);
        out += "</th><td>";
        append_html(out, value, max);
        out += "</td></tr>";
      }
      out += "</table>";
    }
    out += "<pre>";
    append_bytes_html(out, r.actual_body, max);
    out += "</pre></details>";
  }
  if (!r.wire.empty()) {
    out += "<details class=\"bulk\"><summary>wire log</summary><pre>";
    append_bytes_html(out, r.wire, max);
    out += "</pre></details>";
  }
}

void append_result(std::string& out, const Report& report, std::size_t case_index, std::size_t t,
                   const std::vector<bool>& bulk, const HtmlOptions& options) {
  const std::size_t max = options.max_field;
  const Case& c = report.cases[case_index];
  const Result* r = report.result(case_index, t);
  const std::string_view cls = r && r->verdict ? css_class(*r->verdict) : "v-none";
  out += "<div class=\"res ";
  out += cls;
  out += "\"><h4><span class=\"b ";
  out += cls;
  out += "\">";
  append_html(out, r ? r->verdict_text : "not run", 64);
  out += "</span> ";
  append_html(out, report.targets[t].name, max);
  if (!r) {
    out += "</h4><p class=\"muted\">index.json holds no result for this target.</p></div>";
    return;
  }
  // Most results of a healthy run are a PASS that got what was expected: one line says it all.
  const bool plain_pass = r->verdict == Verdict::pass && r->findings.empty() && !r->poisoned &&
                          expected_text(c) == actual_text(*r);
  out += " <span class=\"muted\">";
  std::string facts = plain_pass ? actual_text(*r) + " as expected" : std::string{};
  if (!r->connection.empty()) {
    facts += (facts.empty() ? "connection " : ", connection ") + r->connection;
  }
  if (r->duration_ms) facts += (facts.empty() ? "" : ", ") + milliseconds(*r->duration_ms);
  append_html(out, facts, max);
  out += "</span></h4>";
  if (r->poisoned) {
    out +=
        "<p class=\"poison\">The canary request after this case failed: it poisons the "
        "server.</p>";
  }
  if (!plain_pass) {
    out += "<dl>";
    append_term(out, "expected", expected_text(c), max);
    append_term(out, "actual", actual_text(*r), max);
    out += "</dl>";
  }
  if (!r->findings.empty()) {
    out += "<ul class=\"findings\">";
    for (const std::string& f : r->findings) {
      out += "<li>";
      append_html(out, f, max);
      out += "</li>";
    }
    out += "</ul>";
  }
  const std::size_t i = static_cast<std::size_t>(r - report.results.data());
  if (bulk[i]) {
    append_bulk(out, *r, max);
  } else if (r->responded || !r->wire.empty()) {
    out += "<p class=\"muted\">Response and wire log left out of this page: see index.json.</p>";
  }
  out += "</div>";
}

}  // namespace

std::vector<bool> plan_bulk(const Report& report, const HtmlOptions& options) {
  std::vector<bool> bulk(report.results.size(), false);
  std::size_t left = options.bulk_budget;
  for (const bool pass_round : {false, true}) {
    for (std::size_t c = 0; c < report.cases.size(); ++c) {
      for (std::size_t t = 0; t < report.targets.size(); ++t) {
        const Result* r = report.result(c, t);
        if (!r || (r->verdict == Verdict::pass) != pass_round) continue;
        const std::size_t n = bulk_size(*r, options.max_field);
        if (n > left) continue;
        left -= n;
        bulk[static_cast<std::size_t>(r - report.results.data())] = true;
      }
    }
  }
  return bulk;
}

void append_case_body(std::string& out, const Report& report, std::size_t c,
                      const std::vector<bool>& bulk, const HtmlOptions& options) {
  out += "<div class=\"cb\">";
  append_case_meta(out, report.cases[c], options.max_field);
  for (std::size_t t = 0; t < report.targets.size(); ++t) {
    append_result(out, report, c, t, bulk, options);
  }
  out += "</div>";
}

}  // namespace upspec::reports::detail
