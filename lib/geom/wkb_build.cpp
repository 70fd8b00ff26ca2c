#include "geom/wkb_build.h"

#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

#include "geom/geos_context.h"

namespace redline::detail {

namespace {

constexpr std::uint32_t kLineString = 2, kPolygon = 3, kMultiLineString = 5, kMultiPolygon = 6;

bool host_is_little_endian() {
  const std::uint16_t one = 1;
  unsigned char first;
  std::memcpy(&first, &one, 1);
  return first == 1;
}

struct GeosFreeGeometry {
  GEOSContextHandle_t handle;
  void operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(handle, g); }
};
using OwnedGeometry = std::unique_ptr<GEOSGeometry, GeosFreeGeometry>;

// Reads the bytes front to back; every read is bounds-checked, and any surprise is a null result.
class Builder {
 public:
  Builder(GEOSContextHandle_t handle, const unsigned char* bytes, std::size_t size)
      : handle_(handle), p_(bytes), end_(bytes + size) {}

  // The whole geometry, or null.
  OwnedGeometry geometry() {
    std::uint32_t type = 0;
    if (!header(type)) return own(nullptr);
    OwnedGeometry g = own(nullptr);
    switch (type) {
      case kLineString: g = line(); break;
      case kPolygon: g = polygon(); break;
      case kMultiLineString: g = multi(kLineString, GEOS_MULTILINESTRING); break;
      case kMultiPolygon: g = multi(kPolygon, GEOS_MULTIPOLYGON); break;
      default: break;
    }
    if (p_ != end_) return own(nullptr);  // trailing bytes: GEOS's reader decides
    return g;
  }

 private:
  OwnedGeometry own(GEOSGeometry* g) const { return OwnedGeometry(g, GeosFreeGeometry{handle_}); }

  // A little-endian geometry header; its type without Z/M (ISO 1000s or the EWKB flags: none
  // allowed).
  bool header(std::uint32_t& type) {
    if (end_ - p_ < 5 || *p_ != 1) return false;
    ++p_;
    return u32(type);
  }
  bool u32(std::uint32_t& out) {
    if (end_ - p_ < 4) return false;
    std::memcpy(&out, p_, 4);  // little-endian on a little-endian host
    p_ += 4;
    return true;
  }

  // n points into a sequence, or null when too few bytes remain.
  GEOSCoordSequence* sequence(std::uint32_t n) {
    if (static_cast<std::size_t>(end_ - p_) / 16 < n) return nullptr;
    // Copied out first: WKB doubles are not aligned.
    scratch_.resize(2 * static_cast<std::size_t>(n));
    std::memcpy(scratch_.data(), p_, 16 * static_cast<std::size_t>(n));
    p_ += 16 * static_cast<std::size_t>(n);
    GEOSCoordSequence* s = GEOSCoordSeq_copyFromBuffer_r(handle_, scratch_.data(), n, 0, 0);
    geos_check(s != nullptr, "building a coordinate sequence");
    return s;
  }

  OwnedGeometry line() {
    std::uint32_t n = 0;
    if (!u32(n) || n < 2) return own(nullptr);
    GEOSCoordSequence* s = sequence(n);
    if (!s) return own(nullptr);
    GEOSGeometry* g = GEOSGeom_createLineString_r(handle_, s);  // owns s, even when it fails
    geos_check(g != nullptr, "building a line");
    return own(g);
  }

  // A closed ring of at least 4 points, or null.
  OwnedGeometry ring() {
    std::uint32_t n = 0;
    if (!u32(n) || n < 4 || static_cast<std::size_t>(end_ - p_) / 16 < n) return own(nullptr);
    // Closed as GEOS judges it, by value (-0 equals +0; NaN equals nothing): a ring GEOS finds
    // open goes to its reader, which refuses it as damaged input in its own words.
    double first[2], last[2];
    std::memcpy(first, p_, 16);
    std::memcpy(last, p_ + 16 * (static_cast<std::size_t>(n) - 1), 16);
    if (!(first[0] == last[0] && first[1] == last[1])) return own(nullptr);
    GEOSCoordSequence* s = sequence(n);
    if (!s) return own(nullptr);
    GEOSGeometry* g = GEOSGeom_createLinearRing_r(handle_, s);
    geos_check(g != nullptr, "building a ring");
    return own(g);
  }

  OwnedGeometry polygon() {
    std::uint32_t rings = 0;
    // Each ring takes at least 4 bytes: a count beyond that is damage (and no reservation).
    if (!u32(rings) || rings == 0 || rings > static_cast<std::size_t>(end_ - p_) / 4) return own(nullptr);
    std::vector<OwnedGeometry> parts;
    parts.reserve(rings);
    for (std::uint32_t i = 0; i < rings; ++i) {
      parts.push_back(ring());
      if (!parts.back()) return own(nullptr);
    }
    // The polygon takes the rings: handed over before the call, so that a failure inside GEOS
    // (out of memory) can at worst leak them, never free them twice.
    GEOSGeometry* shell = parts[0].release();
    std::vector<GEOSGeometry*> holes;
    holes.reserve(rings - 1);
    for (std::uint32_t i = 1; i < rings; ++i) holes.push_back(parts[i].release());
    GEOSGeometry* g = GEOSGeom_createPolygon_r(handle_, shell, holes.data(), rings - 1);
    geos_check(g != nullptr, "building a polygon");
    return own(g);
  }

  OwnedGeometry multi(std::uint32_t member_type, int geos_type) {
    std::uint32_t count = 0;
    // Each member takes at least 9 bytes (its header and a count).
    if (!u32(count) || count == 0 || count > static_cast<std::size_t>(end_ - p_) / 9) return own(nullptr);
    std::vector<OwnedGeometry> members;
    members.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i) {
      std::uint32_t type = 0;
      if (!header(type) || type != member_type) return own(nullptr);
      members.push_back(type == kPolygon ? polygon() : line());
      if (!members.back()) return own(nullptr);
    }
    std::vector<GEOSGeometry*> raw;  // handed over, as the polygon's rings
    raw.reserve(count);
    for (OwnedGeometry& m : members) raw.push_back(m.release());
    GEOSGeometry* g = GEOSGeom_createCollection_r(handle_, geos_type, raw.data(), count);
    geos_check(g != nullptr, "building a collection");
    return own(g);
  }

  GEOSContextHandle_t handle_;
  const unsigned char* p_;
  const unsigned char* end_;
  std::vector<double> scratch_;
};

}  // namespace

GEOSGeometry* build_from_common_wkb(GEOSContextHandle_t handle, const unsigned char* bytes,
                                    std::size_t size) {
  static const bool little = host_is_little_endian();
  if (!little || bytes == nullptr) return nullptr;
  return Builder(handle, bytes, size).geometry().release();
}

}  // namespace redline::detail
