#include "support.hpp"

#include "upspec/properties/encoding.hpp"
#include "upspec/properties/escape.hpp"

namespace upspec::properties::testing {

parser_run run_parser(std::string_view boundary, std::string_view body, const split_plan& plan,
                      const multipart::parser_limits& limits, multipart::search_path path) {
  multipart::parser p(boundary, limits, path);
  upspec::testing::event_log log;
  parser_run run;
  run.bound = p.buffer_bound();
  auto observe = [&] {
    run.most_buffered = std::max(run.most_buffered, p.buffered_bytes());
    run.within_bound = run.within_bound && p.buffered_bytes() <= p.buffer_bound();
    run.bound_changed = run.bound_changed || p.buffer_bound() != run.bound;
  };
  bool ok = true;
  for (std::string_view chunk : split(body, plan)) {
    ok = p.feed(chunk, log);
    observe();
    if (!ok) break;
  }
  if (ok) ok = p.finish(log);
  observe();
  run.events = std::move(log.events);
  run.ok = ok;
  run.error = p.error();
  return run;
}

json run_processor(std::string_view content_type, std::string_view body, const split_plan& plan,
                   const request::limits& limits) {
  request::outcome_builder builder;
  request::processor proc(content_type, limits, builder);
  for (std::string_view chunk : split(body, plan)) {
    if (proc.settled()) break;
    proc.feed(chunk);
  }
  proc.finish();
  return builder.render(proc);
}

std::string first_difference(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  auto at = [i](const std::vector<std::string>& v) {
    return i < v.size() ? "\"" + escaped(v[i], 200) + "\"" : std::string("(none)");
  };
  return "event " + std::to_string(i) + ": " + at(a) + " vs " + at(b);
}

std::string content_type_for(std::string_view boundary) {
  const std::string b(boundary);
  return "multipart/form-data; boundary=" + (boundary_needs_quotes(b) ? "\"" + b + "\"" : b);
}

}  // namespace upspec::properties::testing
