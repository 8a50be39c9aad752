#include "serve/access_log.hpp"

#include <cstdio>
#include <ctime>

namespace upspec::serve {
namespace {

constexpr std::size_t kMaxTargetInLog = 200;

// A client chooses the target: keep the line one line and bounded.
std::string printable_target(const std::string& target) {
  std::string out;
  for (const char c : target.substr(0, kMaxTargetInLog)) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f || c == '"' || c == '\\') {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02x", u);
      out += escaped;
    } else {
      out.push_back(c);
    }
  }
  if (target.size() > kMaxTargetInLog) out += "...";
  return out;
}

std::string utc_timestamp(std::chrono::system_clock::time_point at) {
  const std::time_t t = std::chrono::system_clock::to_time_t(at);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

}  // namespace

std::string format_record(const request_record& r, std::chrono::system_clock::time_point at) {
  const double ms = std::chrono::duration<double, std::milli>(r.duration).count();
  char duration[32];
  std::snprintf(duration, sizeof duration, "%.1fms", ms);
  std::string line =
      utc_timestamp(at) + " " + r.peer + " \"" + (r.method.empty() ? std::string("-") : r.method) +
      " " + printable_target(r.target) + "\" " +
      (r.status == 0 ? std::string("-") : std::to_string(r.status)) +
      " in=" + std::to_string(r.bytes_in) + " out=" + std::to_string(r.bytes_out) + " " + duration;
  if (!r.code.empty()) line += " " + r.code;
  if (!r.note.empty()) line += " (" + r.note + ")";
  return line;
}

void access_log::write(const request_record& r) {
  if (out_ == nullptr) return;
  const std::string line = format_record(r, std::chrono::system_clock::now()) + "\n";
  const std::lock_guard lock(mutex_);
  *out_ << line << std::flush;
}

}  // namespace upspec::serve
