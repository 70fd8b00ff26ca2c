#include "commands.h"

#include <algorithm>
#include <utility>

namespace redline::cli {

namespace {
std::vector<std::pair<int, RegisterFn>>& registry() {
  static std::vector<std::pair<int, RegisterFn>> commands;
  return commands;
}
}  // namespace

CommandRegistrar::CommandRegistrar(int order, RegisterFn fn) { registry().emplace_back(order, fn); }

std::vector<RegisterFn> registered_commands() {
  auto entries = registry();
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<RegisterFn> out;
  for (const auto& e : entries) out.push_back(e.second);
  return out;
}

}  // namespace redline::cli
