#include <cstdio>
#include <string>

#include "model.hpp"
#include "text.hpp"
#include "upspec/reports/render.hpp"
#include "xml_writer.hpp"

namespace upspec::reports {
namespace {

using detail::Case;
using detail::Result;
using detail::Verdict;

// CI systems show the message on one line; the findings are all in the element's text.
constexpr std::size_t kMessageMax = 500;
// Wire logs of failures, in case order, up to this many bytes in all: a run where everything
// fails must not make a junit.xml of hundreds of megabytes that CI tools choke on.
constexpr std::size_t kWireBudget = std::size_t{8} << 20;

std::string seconds(double ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", ms / 1000.0);
  return buf;
}

std::string message_of(const Case& c, const Result& r) {
  std::string m = r.findings.empty()
                      ? "expected " + detail::expected_text(c) + ", got " + detail::actual_text(r)
                      : r.findings.front();
  if (m.size() > kMessageMax) {
    m = std::string(detail::utf8_prefix(m, kMessageMax)) + "...";
  }
  return m;
}

// Everything a person needs to act on one result without opening the HTML report.
// `wire_budget` is null for results whose wire log is not wanted at all.
std::string details_of(const Case& c, const Result& r, std::size_t* wire_budget) {
  std::string out = "verdict: " + r.verdict_text;
  if (!c.level.empty()) out += " (" + c.level + ")";
  out += "\ntitle: " + c.title;
  out += "\nrule: " + c.rule;
  out += "\ncite: " + c.cite;
  out += "\nexpected: " + detail::expected_text(c);
  out += "\nactual: " + detail::actual_text(r);
  if (!r.connection.empty()) out += "\nconnection: " + r.connection;
  if (r.poisoned) out += "\npoisoned: the canary request after this case failed";
  if (!r.findings.empty()) {
    out += "\nfindings:";
    for (const std::string& f : r.findings) out += "\n  - " + f;
  }
  if (wire_budget && !r.wire.empty()) {
    if (r.wire.size() <= *wire_budget) {
      *wire_budget -= r.wire.size();
      out += "\nwire:\n" + r.wire;
    } else {
      out += "\nwire: left out to keep this file small; index.json holds it";
    }
  }
  return out;
}

struct SuiteCounts {
  std::size_t tests = 0, failures = 0, errors = 0, skipped = 0;
  double ms = 0;
};

SuiteCounts count_suite(const detail::Report& report, std::size_t t) {
  SuiteCounts n;
  for (std::size_t c = 0; c < report.cases.size(); ++c) {
    ++n.tests;
    const Result* r = report.result(c, t);
    if (!r) {
      ++n.skipped;
      continue;
    }
    if (r->duration_ms) n.ms += *r->duration_ms;
    if (!r->verdict || *r->verdict == Verdict::error) {
      ++n.errors;
    } else if (*r->verdict == Verdict::unsupported) {
      ++n.skipped;
    } else if (detail::fails_run(*r->verdict, report.strict)) {
      ++n.failures;
    }
  }
  return n;
}

void write_testcase(detail::XmlWriter& xml, const detail::Report& report, const Case& c,
                    const Result* r, std::size_t& wire_budget) {
  if (!r) {
    xml.open("testcase", {{"classname", c.category}, {"name", c.id}});
    xml.empty("skipped", {{"message", "no result for this target in index.json"}});
    xml.close();
    return;
  }
  const std::string time = seconds(r->duration_ms.value_or(0));
  if (r->verdict == Verdict::pass) {
    xml.empty("testcase", {{"classname", c.category}, {"name", c.id}, {"time", time}});
    return;
  }
  xml.open("testcase", {{"classname", c.category}, {"name", c.id}, {"time", time}});
  const std::string message = message_of(c, *r);
  if (!r->verdict || *r->verdict == Verdict::error) {
    xml.element("error", {{"message", message}, {"type", r->verdict_text}},
                details_of(c, *r, &wire_budget));
  } else if (*r->verdict == Verdict::unsupported) {
    xml.empty("skipped", {{"message", "UNSUPPORTED: " + message}});
  } else if (detail::fails_run(*r->verdict, report.strict)) {
    xml.element("failure", {{"message", message}, {"type", r->verdict_text}},
                details_of(c, *r, &wire_budget));
  } else {
    // INFO, and NON-STRICT without --strict, pass; the verdict stays visible in the output.
    xml.element("system-out", {}, details_of(c, *r, nullptr));
  }
  xml.close();
}

}  // namespace

std::string render_junit(const nlohmann::json& index) {
  const detail::Report report = detail::load_report(index);
  SuiteCounts all;
  std::vector<SuiteCounts> suites;
  for (std::size_t t = 0; t < report.targets.size(); ++t) {
    suites.push_back(count_suite(report, t));
    all.tests += suites.back().tests;
    all.failures += suites.back().failures;
    all.errors += suites.back().errors;
    all.skipped += suites.back().skipped;
    all.ms += suites.back().ms;
  }

  detail::XmlWriter xml;
  const std::string suite_name = report.tool_name.empty() ? "upspec" : report.tool_name;
  xml.open("testsuites", {{"name", suite_name},
                          {"tests", std::to_string(all.tests)},
                          {"failures", std::to_string(all.failures)},
                          {"errors", std::to_string(all.errors)},
                          {"skipped", std::to_string(all.skipped)},
                          {"time", seconds(all.ms)}});
  std::size_t wire_budget = kWireBudget;
  for (std::size_t t = 0; t < report.targets.size(); ++t) {
    const detail::Target& target = report.targets[t];
    const SuiteCounts& n = suites[t];
    xml.open("testsuite", {{"name", target.name},
                           {"tests", std::to_string(n.tests)},
                           {"failures", std::to_string(n.failures)},
                           {"errors", std::to_string(n.errors)},
                           {"skipped", std::to_string(n.skipped)},
                           {"time", seconds(n.ms)}});
    xml.open("properties");
    xml.empty("property", {{"name", "implementation"}, {"value", target.implementation}});
    xml.empty("property", {{"name", "version"}, {"value", target.version}});
    xml.empty("property", {{"name", "url"}, {"value", target.url}});
    xml.empty("property", {{"name", "strict"}, {"value", report.strict ? "true" : "false"}});
    xml.empty("property", {{"name", "tool"}, {"value", suite_name + " " + report.tool_version}});
    xml.close();
    for (std::size_t c = 0; c < report.cases.size(); ++c) {
      write_testcase(xml, report, report.cases[c], report.result(c, t), wire_budget);
    }
    xml.close();
  }
  return xml.finish();
}

}  // namespace upspec::reports
