// Fuzz target: Geometry::from_wkb (lib/geom/geometry.cpp), which builds the common WKB itself
// (lib/geom/wkb_build.h) and hands everything else to GEOS's reader. Input: WKB bytes.
// Differential: from_wkb must read exactly what GEOS's reader reads - the same bytes accepted,
// the same type and coordinates (their WKB, written alike, byte for byte) - and refuse what it
// refuses, with a redline::InputError (damaged input, exit 2), never another kind; and
// redline::is_valid() must give GEOSisValid_r's verdict on every geometry read.
#include <geos_c.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "redline/error.h"
#include "redline/geom/geometry.h"
#include "redline/geom/validity.h"

namespace {

struct Geos {
  GEOSContextHandle_t h = GEOS_init_r();
  GEOSWKBWriter* writer = GEOSWKBWriter_create_r(h);
  Geos() {
    GEOSWKBWriter_setByteOrder_r(h, writer, GEOS_WKB_NDR);
    GEOSWKBWriter_setOutputDimension_r(h, writer, 2);
  }
  ~Geos() {
    GEOSWKBWriter_destroy_r(h, writer);
    GEOS_finish_r(h);
  }
};

[[noreturn]] void finding(const char* what) {
  std::fprintf(stderr, "fuzz: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Geos geos;
  GEOSGeometry* oracle = GEOSGeomFromWKB_buf_r(geos.h, data, size);
  bool read = false;
  std::vector<unsigned char> ours;
  int our_type = -1;
  int our_valid = -1;
  try {
    const redline::Geometry g = redline::Geometry::from_wkb(data, size);
    read = true;
    ours = g.to_wkb();
    our_type = static_cast<int>(g.type());
    // Validity as the library judges it (a one-ring polygon proven simple skips GEOS's check,
    // lib/geom/simple_ring.h) must be GEOS's own verdict on the same bytes.
    try {
      our_valid = redline::is_valid(g) ? 1 : 0;
    } catch (const redline::Error&) {
      our_valid = 2;  // GEOS's check failed: as GEOSisValid_r's 2
    }
  } catch (const redline::InputError&) {
  } catch (const redline::Error&) {
    finding("from_wkb refused bytes with an error other than InputError");
  }
  if (read != (oracle != nullptr)) finding(read ? "from_wkb read bytes GEOS refuses" : "from_wkb refused bytes GEOS reads");
  if (oracle) {
    std::size_t n = 0;
    unsigned char* bytes = GEOSWKBWriter_write_r(geos.h, geos.writer, oracle, &n);
    const std::vector<unsigned char> theirs(bytes, bytes + n);
    GEOSFree_r(geos.h, bytes);
    const char geos_valid = GEOSisValid_r(geos.h, oracle);
    GEOSGeom_destroy_r(geos.h, oracle);
    if (our_valid != geos_valid) finding("is_valid differs from GEOS's validity");
    if (ours != theirs) finding("from_wkb read the bytes differently from GEOS");
    if (our_type < 0) finding("no type");
  }
  return 0;
}
