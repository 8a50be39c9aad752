// Part header blocks and their parameters, in the forms RFC 2046, RFC 7578, RFC 9110, RFC 2231
// and RFC 5987 define or forbid.

#include <cctype>

#include "model_mutators.hpp"

namespace upspec::properties::model_mutators {
namespace {

// RFC 9110 §5.6.4.
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

// RFC 8187 §3.2.1 attr-char is the only thing left unencoded.
std::string percent_encoded(const std::string& s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || std::string_view("!#$&+-.^_`|~").find(ch) != std::string_view::npos) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

// Another name the request knows: a spec field, another part's, or a file field of the map.
std::string other_name(const request_model& m, draw& d, const hazards& h) {
  switch (d.below(5)) {
    case 0:
      return "operations";
    case 1:
      return "map";
    case 2:
      return m.parts.empty() ? "0" : d.pick(m.parts).name;
    case 3:
      return d.member(h);
    default:
      return std::to_string(d.below(3));
  }
}

// A Content-Disposition value written by hand for a part named `n` with filename `f`.
std::string disposition_variant(const request_model& m, const encoder::form_part& p, draw& d,
                                const hazards& h) {
  const std::string& n = p.name;
  const std::string f = p.filename.value_or(d.hazard(h, hazard::filenames, "a.txt"));
  const std::string file = p.filename ? "; filename=" + quoted(f) : "";
  switch (d.below(20)) {
    case 0:
      return "form-data; name=" + n + file;  // a token, unquoted
    case 1:
      return "form-data; name=" + quoted(n) + "; name*=UTF-8''" +
             percent_encoded(other_name(m, d, h)) + file;
    case 2:
      return "form-data; name*=UTF-8''" + percent_encoded(n) + file;
    case 3:
      return "form-data; name=" + quoted(n) + "; filename=" + quoted(f) +
             "; filename*=" + d.hazard(h, hazard::header_parameters, "UTF-8''x");
    case 4:
      return "form-data; name=" + quoted(n) + "; filename*0=" + quoted(f.substr(0, f.size() / 2)) +
             "; filename*1=" + quoted(f.substr(f.size() / 2));
    case 5:
      return "FORM-DATA; NAME=" + quoted(n) + (p.filename ? "; FILENAME=" + quoted(f) : "");
    case 6:
      return "form-data ; name = " + quoted(n) + file;
    case 7:
      return "form-data; name=" + quoted(n) + "; name=" + quoted(other_name(m, d, h)) + file;
    case 8:
      return "form-data; name=" + quoted(other_name(m, d, h)) + "; name=" + quoted(n) + file;
    case 9:
      return "attachment; name=" + quoted(n) + file;
    case 10:
      return "form-data;\r\n name=" + quoted(n) +
             (p.filename ? ";\r\n\tfilename=" + quoted(f) : "");
    case 11:
      return "form-data; name=\"" + n + file;  // the quote never closes
    case 12:
      return "form-data; filename=" + quoted(f) + "; name=" + quoted(n);
    case 13:
      return "form-data; name='" + n + "'" + file;
    case 14:
      return "form-data; name=" + quoted(n) + "; filename=" + f;  // unquoted, spaces and all
    case 15:
      return "form-data; name=" + quoted(n) + "; filename=\"\"";
    case 16:
      return "form-data; name=%22" + n + "%22" + file;
    case 17:
      return "form-data; name=" + quoted(n) + "; " + d.hazard(h, hazard::header_parameters, "x=y") +
             file;
    case 18:
      return "form-data; name=" + quoted(n + "\"; name=\"" + other_name(m, d, h)) + file;
    default:
      return "form-data; name=" + quoted(n) + file + ";";
  }
}

// A header a client may add: repeats of the part's own, deprecated ones, malformed lines.
std::pair<std::string, std::string> extra_header(const request_model& m,
                                                 const encoder::form_part& p, draw& d,
                                                 const hazards& h) {
  switch (d.below(12)) {
    case 0:
      return {"Content-Disposition", disposition_variant(m, p, d, h)};
    case 1:
      return {"content-disposition", "form-data; name=" + quoted(other_name(m, d, h))};
    case 2:
      return {"Content-Type", d.hazard(h, hazard::media_types, "text/html")};
    case 3:
      return {"Content-Transfer-Encoding", d.one_in(2) ? "base64" : "quoted-printable"};
    case 4:
      return {"X-Folded", "a\r\n b"};
    case 5:
      return {"Content-Length", d.hazard(h, hazard::numbers, "0")};
    case 6:
      return {"X-Long", std::string(d.one_in(2) ? 8192 : 100000, 'h')};
    case 7:
      return {"", "no name"};
    case 8:
      return {"X-Space ", "before the colon"};
    case 9:
      return {"X-Bytes", d.hazard(h, hazard::boundary_bytes, "\x01")};
    case 10:
      return {"Content-Type", "text/plain; charset=" + d.hazard(h, hazard::numbers, "utf-8")};
    default:
      return {"X-Extra", d.hazard(h, hazard::header_parameters, "1")};
  }
}

}  // namespace

void mutate_part_headers(request_model& m, draw& d, const mutation_context& context) {
  if (m.parts.empty()) return;
  const hazards& h = context.dictionary;
  encoder::form_part& p = m.parts[d.below(m.parts.size())];
  switch (d.below(10)) {
    case 0:
    case 1: {
      // The part's own Content-Disposition written by hand; the encoder's is left out.
      const std::string value = disposition_variant(m, p, d, h);
      p.omit_disposition = true;
      p.extra_headers.insert(p.extra_headers.begin(), {"Content-Disposition", value});
      return;
    }
    case 2:
      p.name = other_name(m, d, h);
      return;
    case 3:
      if (d.one_in(4))
        p.filename.reset();
      else if (d.one_in(3) && p.filename)
        mutate_string(*p.filename, 16, d.rng(), context);
      else
        p.filename = d.hazard(h, hazard::filenames, "a.txt");
      return;
    case 4:
      if (d.one_in(2))
        p.filename_star =
            d.one_in(3) ? std::nullopt : std::optional<std::string>(d.hazard(h, hazard::filenames));
      else  // RFC 7578 defines no name*: a receiver that takes it lets a part change its name
        p.name_star = d.one_in(3) ? std::nullopt : std::optional<std::string>(other_name(m, d, h));
      return;
    case 5:
      p.content_type =
          d.one_in(4) ? std::nullopt : std::optional<std::string>(d.hazard(h, hazard::media_types));
      return;
    case 6:
    case 7:
      p.extra_headers.push_back(extra_header(m, p, d, h));
      return;
    case 8:
      if (!p.extra_headers.empty())
        p.extra_headers.erase(p.extra_headers.begin() +
                              static_cast<std::ptrdiff_t>(d.below(p.extra_headers.size())));
      else
        p.omit_disposition = !p.omit_disposition;
      return;
    default:
      if (p.extra_headers.size() > 1)
        std::swap(p.extra_headers[d.below(p.extra_headers.size())],
                  p.extra_headers[d.below(p.extra_headers.size())]);
      else
        p.extra_headers.push_back(extra_header(m, p, d, h));
  }
}

}  // namespace upspec::properties::model_mutators
