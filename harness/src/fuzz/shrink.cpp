#include "fuzz/shrink.hpp"

#include <algorithm>
#include <iterator>
#include <variant>

#include "upspec/request/json_field.hpp"

namespace upspec::fuzz {
namespace {

using properties::request_model;
using request::json;
using candidates = std::vector<request_model>;

// Shorter versions of a string: empty, each half, then without each of its quarters.
std::vector<std::string> shorter(const std::string& s) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  out.push_back("");
  if (s.size() == 1) return out;
  const std::size_t half = s.size() / 2;
  out.push_back(s.substr(0, half));
  out.push_back(s.substr(half));
  if (s.size() >= 4)
    for (std::size_t q = 0, step = s.size() / 4; q < 4; ++q)
      out.push_back(s.substr(0, q * step) + s.substr(std::min(s.size(), (q + 1) * step)));
  else
    for (std::size_t i = 0; i < s.size(); ++i) out.push_back(s.substr(0, i) + s.substr(i + 1));
  return out;
}

std::vector<std::string> split_path(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t dot; (dot = s.find('.', start)) != std::string::npos; start = dot + 1)
    out.push_back(s.substr(start, dot - start));
  out.push_back(s.substr(start));
  return out;
}

// Smaller JSON values: each member or item dropped, a container emptied or replaced by null,
// strings shortened, and an object path without one of its segments.
void smaller_json(json& root, json& node, bool map_field, const std::function<void()>& emit,
                  std::size_t& budget) {
  if (budget == 0) return;
  --budget;
  if (node.is_object() || node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      json saved = node;
      node.erase(std::next(node.begin(), static_cast<std::ptrdiff_t>(i)));  // objects too
      emit();
      node = std::move(saved);
    }
    if (!node.empty() && &node != &root) {
      json saved = node;
      node = nullptr;
      emit();
      node = std::move(saved);
    }
    for (auto& child : node) smaller_json(root, child, map_field, emit, budget);
  } else if (node.is_string()) {
    const std::string s = node.get<std::string>();
    if (map_field) {
      const auto segments = split_path(s);
      for (std::size_t i = 0; segments.size() > 1 && i < segments.size(); ++i) {
        std::string fewer;
        for (std::size_t k = 0; k < segments.size(); ++k)
          if (k != i) fewer += (fewer.empty() ? "" : ".") + segments[k];
        node = fewer;
        emit();
      }
    }
    // A GraphQL document is not shortened byte by byte: that only breaks it.
    if (s.find('{') == std::string::npos)
      for (const auto& t : shorter(s)) {
        node = t;
        emit();
      }
    node = s;
  }
}

candidates drop_elements(const request_model& m) {
  candidates out;
  for (std::size_t i = m.parts.size(); i-- > 0;) {
    request_model c = m;
    c.parts.erase(c.parts.begin() + static_cast<std::ptrdiff_t>(i));
    out.push_back(std::move(c));
  }
  for (std::size_t i = m.edits.size(); i-- > 0;) {
    request_model c = m;
    c.edits.erase(c.edits.begin() + static_cast<std::ptrdiff_t>(i));
    out.push_back(std::move(c));
  }
  if (m.content_type) {
    request_model c = m;
    c.content_type.reset();
    out.push_back(std::move(c));
  }
  if (m.chunk != 0) {
    request_model c = m;
    c.chunk = 0;
    out.push_back(std::move(c));
  }
  return out;
}

candidates simpler_encoding(const request_model& m) {
  candidates out;
  const auto with = [&](auto change) {
    request_model c = m;
    change(c.encoding);
    out.push_back(std::move(c));
  };
  if (!m.encoding.preamble.empty()) with([](auto& e) { e.preamble.clear(); });
  if (!m.encoding.epilogue.empty()) with([](auto& e) { e.epilogue.clear(); });
  if (!m.encoding.transport_padding.empty()) with([](auto& e) { e.transport_padding.clear(); });
  for (const auto& b : shorter(m.encoding.boundary))
    if (!b.empty()) with([&](auto& e) { e.boundary = b; });
  return out;
}

candidates simpler_headers(const request_model& m) {
  candidates out;
  for (std::size_t i = 0; i < m.parts.size(); ++i) {
    const auto with = [&](auto change) {
      request_model c = m;
      change(c.parts[i]);
      out.push_back(std::move(c));
    };
    const auto& p = m.parts[i];
    for (std::size_t h = p.extra_headers.size(); h-- > 0;)
      with([h](auto& part) {
        part.extra_headers.erase(part.extra_headers.begin() + static_cast<std::ptrdiff_t>(h));
      });
    if (p.filename_star) with([](auto& part) { part.filename_star.reset(); });
    if (p.name_star) with([](auto& part) { part.name_star.reset(); });
    if (p.content_type) with([](auto& part) { part.content_type.reset(); });
    if (p.filename) with([](auto& part) { part.filename.reset(); });
  }
  return out;
}

candidates shorter_strings(const request_model& m) {
  candidates out;
  for (std::size_t i = 0; i < m.parts.size(); ++i) {
    const auto& p = m.parts[i];
    if (p.filename)
      for (const auto& s : shorter(*p.filename)) {
        request_model c = m;
        c.parts[i].filename = s;
        out.push_back(std::move(c));
      }
    for (std::size_t h = 0; h < p.extra_headers.size(); ++h)
      for (const auto& s : shorter(p.extra_headers[h].second)) {
        request_model c = m;
        c.parts[i].extra_headers[h].second = s;
        out.push_back(std::move(c));
      }
  }
  for (std::size_t e = 0; e < m.edits.size(); ++e)
    for (const auto& s : shorter(m.edits[e].insert)) {
      request_model c = m;
      c.edits[e].insert = s;
      out.push_back(std::move(c));
    }
  return out;
}

candidates smaller_bodies(const request_model& m) {
  candidates out;
  for (std::size_t i = 0; i < m.parts.size(); ++i) {
    const auto& p = m.parts[i];
    const bool map = p.name == "map";
    if (map || p.name == "operations") {
      auto parsed = request::parse_json_field(p.body);
      if (auto* value = std::get_if<json>(&parsed)) {
        json root = *value;
        std::size_t nodes = 64;
        smaller_json(
            root, root, map,
            [&] {
              request_model c = m;
              c.parts[i].body = request::dump_json(root);
              out.push_back(std::move(c));
            },
            nodes);
        continue;
      }
    }
    for (const auto& s : shorter(p.body)) {
      request_model c = m;
      c.parts[i].body = s;
      out.push_back(std::move(c));
    }
  }
  return out;
}

// Tries the candidates that weigh less, lightest first (the biggest cut that still reproduces
// saves the most requests later); keeps the first that reproduces.
bool step(request_model& m, const candidates& list, const reproduces_fn& reproduces,
          std::size_t budget, shrink_result& r) {
  const std::size_t current = weight(m);
  std::vector<std::pair<std::size_t, const request_model*>> lighter;
  for (const auto& c : list)
    if (const std::size_t w = weight(c); w < current) lighter.emplace_back(w, &c);
  std::stable_sort(lighter.begin(), lighter.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [w, c] : lighter) {
    if (r.requests >= budget) return false;
    ++r.requests;
    if (reproduces(*c)) {
      ++r.kept;
      m = *c;
      return true;
    }
  }
  return false;
}

}  // namespace

std::size_t weight(const request_model& m) {
  std::size_t w = properties::encode(m).body.size() + m.content_type.value_or("").size();
  std::size_t elements = m.parts.size() + m.edits.size() + (m.chunk != 0 ? 1 : 0);
  for (const auto& p : m.parts)
    elements += p.extra_headers.size() + (p.filename ? 1 : 0) + (p.filename_star ? 1 : 0) +
                (p.name_star ? 1 : 0) + (p.content_type ? 1 : 0);
  return w + 16 * elements;
}

shrink_result shrink_model(request_model start, const reproduces_fn& reproduces,
                           std::size_t budget) {
  shrink_result r;
  r.model = std::move(start);
  using pass = candidates (*)(const request_model&);
  static constexpr pass kPasses[] = {drop_elements, simpler_encoding, simpler_headers,
                                     smaller_bodies, shorter_strings};
  for (bool progress = true; progress && r.requests < budget;) {
    progress = false;
    for (pass p : kPasses)
      while (r.requests < budget && step(r.model, p(r.model), reproduces, budget, r))
        progress = true;
  }
  return r;
}

shrink_result shrink(const recipe& start, const realize_fn& realize,
                     const reproduces_fn& reproduces, std::size_t budget) {
  recipe current = start;
  shrink_result r;
  // The valid request alone first: a bug that needs no mutation at all; then each mutation.
  if (!current.mutations.empty()) {
    recipe none = current;
    none.mutations.clear();
    ++r.requests;
    if (reproduces(realize(none))) {
      ++r.kept;
      current = std::move(none);
    }
  }
  for (std::size_t i = current.mutations.size(); i-- > 0 && r.requests < budget;) {
    recipe fewer = current;
    fewer.mutations.erase(fewer.mutations.begin() + static_cast<std::ptrdiff_t>(i));
    ++r.requests;
    if (reproduces(realize(fewer))) {
      ++r.kept;
      current = std::move(fewer);
    }
  }
  shrink_result rest =
      shrink_model(realize(current), reproduces, budget - std::min(budget, r.requests));
  rest.requests += r.requests;
  rest.kept += r.kept;
  return rest;
}

}  // namespace upspec::fuzz
