#pragma once
// Checks shared by the report tests: a report's JSON text is what its tool prints.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

namespace redline::test {

/// Expects `text` (a *_report_json() result) to equal `rendered` (the report rendered with
/// OutputFormat::Json), to begin with `opening` (its first keys, indented by 2) and to end in
/// "}\n"; returns it parsed (throws when it is not JSON).
inline nlohmann::ordered_json expect_tool_json(const std::string& text, const std::string& rendered,
                                               const std::string& opening) {
  EXPECT_EQ(text, rendered);
  EXPECT_EQ(text.rfind(opening, 0), 0u) << text.substr(0, 80);
  EXPECT_TRUE(text.size() >= 2 && text.compare(text.size() - 2, 2, "}\n") == 0);
  return nlohmann::ordered_json::parse(text);
}

}  // namespace redline::test
