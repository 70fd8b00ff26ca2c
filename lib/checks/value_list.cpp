#include "checks/value_list.h"

#include <set>

#include "util/quoted.h"

namespace redline::detail {

std::string value_list_fault(const std::vector<std::string>& values) {
  if (values.empty()) return "is an empty list";
  std::set<std::string> seen;  // not a quadratic search: a hostile list may be long
  for (const std::string& v : values) {
    if (v.empty()) return "holds an empty value \"\"";
    if (!seen.insert(v).second) return "holds " + quoted(v) + " twice";
  }
  return "";
}

}  // namespace redline::detail
