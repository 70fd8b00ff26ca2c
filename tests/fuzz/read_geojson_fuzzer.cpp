// Fuzz target: a GeoJSON file read into a Layer and measured by every method.
// Input: a flags byte (fuzz_support.h: read_options), then the file's text.
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace redline::fuzz;
  InputReader input(data, size);
  const std::uint8_t flags = input.flags();
  read_and_measure(write_scratch("layer.geojson", input.rest()), flags);
  return 0;
}
