// link_example: prints the ellipsoidal area of a polygon layer in hectares, using only the
// installed public headers of redline.
//
//   link_example LAYER [LAYER_NAME]
//
// Exit codes: 0 done, 2 bad arguments or unusable input (the message names file, layer and
// feature), 4 anything else.
#include <cstdio>
#include <exception>

// The umbrella header: every public header compiles on its own, with no dependency's headers
// (GDAL, GEOS, PROJ, nlohmann ...) on the include path, as an installed package gives it.
#include <redline/redline.h>

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: %s LAYER [LAYER_NAME]   (redline %s)\n", argv[0], redline::version());
    return 2;
  }
  try {
    redline::ReadOptions options;
    if (argc == 3) options.layer = argv[2];
    const redline::Layer layer = redline::read_layer(argv[1], options);
    const redline::AreaSummary summary = redline::summarize_areas(layer);  // ellipsoidal
    // Ten decimals of a hectare (1e-6 m²), so that a test can compare to 1e-9 relative.
    std::printf("%.10f ha\n", redline::from_square_metres(summary.total_m2, redline::AreaUnit::Hectare));
    return 0;
  } catch (const redline::Error& e) {
    std::fprintf(stderr, "link_example: %s\n", e.what());
    return e.kind() == redline::ErrorKind::Usage || e.kind() == redline::ErrorKind::Input ? 2 : 4;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "link_example: %s\n", e.what());
    return 4;
  }
}
