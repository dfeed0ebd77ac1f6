#include "query_mix.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace provisio::bench {

std::vector<BenchQuery> load_query_mix(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot be read");
  std::vector<BenchQuery> out;
  std::string line;
  for (int line_no = 1; std::getline(in, line); ++line_no) {
    if (line.empty() || line[0] == '#') continue;
    auto fail = [&](const std::string& message) {
      throw std::runtime_error(path + ":" + std::to_string(line_no) + ": " + message);
    };
    std::vector<std::string> fields;
    std::stringstream ss(line);
    for (std::string f; std::getline(ss, f, '\t');) fields.push_back(f);
    if (fields.size() < 2 || fields.size() > 3 || fields[1].empty())
      fail("expected CATEGORY<tab>QUERY[<tab>OPTIONS]");
    BenchQuery q;
    q.category = fields[0];
    q.options.query = fields[1];
    std::stringstream opts(fields.size() == 3 ? fields[2] : "");
    for (std::string kv; opts >> kv;) {
      auto eq = kv.find('=');
      if (eq == std::string::npos) fail("option '" + kv + "' is not key=value");
      std::string key = kv.substr(0, eq), value = kv.substr(eq + 1);
      if (key == "lang") {
        q.options.lang = value;
      } else if (key == "topic") {
        q.options.topics.push_back(value);
      } else if (key == "instrument") {
        q.options.instruments.push_back(value);
      } else if (key == "as-of") {
        auto d = Date::parse(value);
        if (!d) fail("bad date '" + value + "': expected YYYY-MM-DD");
        q.options.as_of = *d;
      } else if (key == "limit") {
        try {
          q.options.limit = std::stoul(value);
        } catch (const std::exception&) {
          fail("bad limit '" + value + "'");
        }
      } else {
        fail("unknown option '" + key + "'");
      }
    }
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace provisio::bench
