// Fuzz target: a shapefile read into a Layer and measured by every method.
//
// Input: a flags byte (fuzz_support.h: read_options), then the .shp, .shx, .dbf and .prj parts
// each preceded by its length (4 bytes, little-endian), and the rest as the .cpg. An empty part
// is left out, so a missing .shx, .dbf or .prj is fuzzed too. tests/fuzz/make_corpus.py packs
// the shapefiles of tests/data and samples this way.
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace redline::fuzz;
  InputReader input(data, size);
  const std::uint8_t flags = input.flags();
  const char* const kExtensions[] = {".shp", ".shx", ".dbf", ".prj"};
  for (const char* ext : kExtensions) {
    const std::string_view part = input.part();
    if (part.empty()) {
      remove_scratch(std::string("layer") + ext);
    } else {
      write_scratch(std::string("layer") + ext, part);
    }
  }
  const std::string_view cpg = input.rest();
  if (cpg.empty()) {
    remove_scratch("layer.cpg");
  } else {
    write_scratch("layer.cpg", cpg);
  }
  read_and_measure((scratch_dir() / "layer.shp").string(), flags);
  return 0;
}
