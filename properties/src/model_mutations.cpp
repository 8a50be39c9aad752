#include "upspec/properties/model_mutations.hpp"

#include <algorithm>

#include "model_mutators.hpp"

namespace upspec::properties {
namespace model_mutators {

std::string draw::hazard(const hazards& h, std::string_view category, std::string_view fallback) {
  // A --dict file's own entries stand in for any category now and then.
  if (!h.extra().empty() && one_in(8)) return pick(h.extra());
  const auto& values = h.of(category);
  return values.empty() ? std::string(fallback) : pick(values);
}

std::string draw::member(const hazards& h) {
  if (!h.extra().empty() && one_in(8)) return pick(h.extra());
  return h.member_names().empty() ? std::string("constructor") : pick(h.member_names());
}

void mutate_string(std::string& s, std::size_t room, random_source& rng,
                   const mutation_context& context) {
  if (context.bytes)
    context.bytes(s, room, rng);
  else
    mutate_bytes(s, room, rng, context.dictionary);
}

std::size_t part_named(const request_model& m, std::string_view name) {
  for (std::size_t i = 0; i < m.parts.size(); ++i)
    if (m.parts[i].name == name) return i;
  return m.parts.size();
}

namespace {

// Limits at, just under and just over the sizes the request has.
void mutate_limits(request_model& m, draw& d) {
  const std::size_t at = m.parts.empty() ? 0 : d.pick(m.parts).body.size();
  const std::size_t around = at + d.below(3) - (at > 0 ? 1 : 0);
  switch (d.below(4)) {
    case 0:
      m.limits.max_field_size = around;
      break;
    case 1:
      m.limits.max_file_size = around;
      break;
    case 2:
      m.limits.max_files = d.below(4);
      break;
    default:
      m.limits = request::limits{};
  }
}

}  // namespace
}  // namespace model_mutators

void mutate_bytes(std::string& s, std::size_t room, random_source& rng, const hazards& h) {
  using model_mutators::draw;
  draw d(rng);
  const std::size_t most = s.size() + room;
  const auto at = [&] { return d.below(s.size() + 1); };
  switch (d.below(8)) {
    case 0:  // flip a byte
      if (!s.empty()) s[d.below(s.size())] ^= static_cast<char>(1 + d.below(255));
      break;
    case 1:  // delete a run
      if (!s.empty()) {
        const std::size_t from = d.below(s.size());
        s.erase(from, 1 + d.below(std::min<std::size_t>(16, s.size() - from)));
      }
      break;
    case 2:  // duplicate a run
      if (!s.empty()) {
        const std::size_t from = d.below(s.size());
        const std::string run = s.substr(from, 1 + d.below(16));
        s.insert(at(), run);
      }
      break;
    case 3:  // a boundary-relevant byte sequence
      s.insert(at(), d.hazard(h, hazard::boundary_bytes, "\r\n"));
      break;
    case 4:  // a long run of one byte or one entry: lengths parsers allocate or loop on
    {
      const std::string unit = d.one_in(2) ? std::string(1, static_cast<char>(d.rng()()))
                                           : d.hazard(h, hazard::boundary_bytes, "-");
      static constexpr std::size_t kRuns[] = {64, 256, 1024, 4096, 65536};
      const std::size_t length = kRuns[d.below(std::size(kRuns))];
      std::string run;
      while (!unit.empty() && run.size() < length) run += unit;
      s.insert(at(), run);
      return;  // a long run is the point: not cut back to `room`
    }
    case 5:  // an entry of any dictionary
    {
      static const std::string_view kCategories[] = {hazard::numbers, hazard::json_tokens,
                                                     hazard::header_parameters, hazard::filenames};
      s.insert(at(), d.hazard(h, kCategories[d.below(std::size(kCategories))]));
      break;
    }
    case 6:  // a member name
      s.insert(at(), d.member(h));
      break;
    default:  // a random byte
      s.insert(s.begin() + static_cast<std::ptrdiff_t>(at()), static_cast<char>(d.rng()()));
  }
  if (s.size() > most) s.resize(most);
}

void mutate_once(request_model& m, random_source& rng, const mutation_context& context) {
  using namespace model_mutators;
  draw d(rng);
  // Weights: the JSON fields and object paths carry the specification's own rules, so they
  // get the most; the multipart layers next; limits and transport least.
  switch (d.below(24)) {
    case 0:
    case 1:
    case 2:
    case 3:
      return mutate_map_field(m, d, context);
    case 4:
    case 5:
    case 6:
      return mutate_operations_field(m, d, context);
    case 7:
    case 8:
    case 9:
    case 10:
      return mutate_part_headers(m, d, context);
    case 11:
    case 12:
    case 13:
      return mutate_parts(m, d, context);
    case 14:
    case 15:
      return mutate_file_content(m, d, context);
    case 16:
    case 17:
    case 18:
      return mutate_delimiters(m, d, context);
    case 19:
    case 20:
      return mutate_content_type(m, d, context);
    case 21:
      return mutate_transport(m, d);
    case 22:
      return mutate_limits(m, d);
    default:
      if (!m.parts.empty()) mutate_string(m.parts[d.below(m.parts.size())].body, 16, rng, context);
  }
}

void mutate(request_model& m, random_source& rng, const mutation_context& context) {
  const std::size_t rounds = 1 + rng() % 3;
  for (std::size_t r = 0; r < rounds; ++r) mutate_once(m, rng, context);
}

request_model cross_over(request_model a, const request_model& b, random_source& rng) {
  model_mutators::draw d(rng);
  switch (d.below(5)) {
    case 0:
      a.encoding = b.encoding;
      break;
    case 1:
      a.limits = b.limits;
      break;
    case 2:
      // a's parts up to a point, b's from a point: operations of one, files of the other.
      a.parts.resize(d.below(a.parts.size() + 1));
      for (std::size_t i = d.below(b.parts.size() + 1); i < b.parts.size(); ++i)
        a.parts.push_back(b.parts[i]);
      break;
    case 3:
      a.content_type = b.content_type;
      a.edits = b.edits;
      break;
    default:
      if (!b.parts.empty() && !a.parts.empty())
        a.parts[d.below(a.parts.size())] = b.parts[d.below(b.parts.size())];
  }
  return a;
}

}  // namespace upspec::properties
