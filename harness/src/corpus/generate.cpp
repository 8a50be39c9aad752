#include "corpus/generate.hpp"

#include "corpus/reference_answer.hpp"

namespace upspec::corpus {

generation generate_corpus(std::uint64_t seed, std::size_t random_count) {
  catalog cat = build_catalog();
  add_random_cases(cat, seed, random_count);
  generation out;
  for (const catalog_entry& e : cat.entries()) {
    test_case c = e.c;
    if (c.request.how.mode == transport_mode::abort) {
      c.expect.status = 0;  // no answer is owed to a client that left; the canary judges the server
    } else {
      c.expect = expectation_from(reference_reply(c), c.expect);
    }
    const bool status_differs = e.intent_status && c.expect.status != *e.intent_status;
    const bool code_differs = e.intent_code && c.expect.code != e.intent_code;
    if (status_differs || code_differs)
      out.contradictions.push_back(
          c.id + ": intended " + std::to_string(e.intent_status.value_or(0)) + " " +
          e.intent_code.value_or("") + ", the reference answers " +
          std::to_string(c.expect.status) + " " + c.expect.code.value_or(""));
    for (const data_alternative& d : e.data_alternatives) {
      if (!c.expect.data || c.expect.status != 200) {
        out.contradictions.push_back(c.id +
                                     ": an alternative to the reference's data, but the "
                                     "reference answers without data");
        continue;
      }
      c.expect.alternatives.push_back({{200}, d.gives, d.note, d.alter(*c.expect.data)});
    }
    out.cases.push_back(std::move(c));
  }
  return out;
}

}  // namespace upspec::corpus
