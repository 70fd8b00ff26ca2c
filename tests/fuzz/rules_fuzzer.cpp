// Fuzz target: the rules-file parser (redline::load_rules), then the expansion of {delivery}
// placeholders. Input: the TOML text, written to a file because load_rules reads a path.
#include "fuzz_support.h"
#include "redline/checks/rules.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace redline::fuzz;
  const std::string path =
      write_scratch("rules.toml", std::string_view(reinterpret_cast<const char*>(data), size));
  try {
    const redline::RuleSet rules = redline::load_rules(path);
    try {
      redline::expand_deliveries(rules, {});
    } catch (const redline::Error&) {
    }
    redline::expand_deliveries(rules, {"deliveries/a.gpkg", "deliveries/b"});
  } catch (const redline::Error&) {
  }
  return 0;
}
