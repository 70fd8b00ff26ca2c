#include "io/wkb_envelope.h"

#include <cmath>
#include <cstdint>
#include <cstring>

namespace redline::detail {

namespace {

// A bounds-checked reader of WKB bytes in the byte order each geometry declares.
class WkbCursor {
 public:
  WkbCursor(const unsigned char* bytes, std::size_t size) : p_(bytes), end_(bytes + size) {}

  bool byte(unsigned char& out) {
    if (p_ == end_) return false;
    out = *p_++;
    return true;
  }
  bool u32(bool little, std::uint32_t& out) {
    if (end_ - p_ < 4) return false;
    unsigned char b[4];
    std::memcpy(b, p_, 4);
    p_ += 4;
    out = little ? (std::uint32_t{b[0]} | std::uint32_t{b[1]} << 8 | std::uint32_t{b[2]} << 16 |
                    std::uint32_t{b[3]} << 24)
                 : (std::uint32_t{b[3]} | std::uint32_t{b[2]} << 8 | std::uint32_t{b[1]} << 16 |
                    std::uint32_t{b[0]} << 24);
    return true;
  }
  // `n` points of two doubles each, into `e`; false when truncated or out of range. A ring
  // (`ring`) must be closed with at least 4 points, a line have 0 or at least 2, as GEOS
  // requires (it refuses such bytes, and says why on the GEOS path).
  enum class Kind { Point, Line, Ring };
  bool points(bool little, std::uint32_t n, double limit, Envelope& e, Kind kind) {
    if (static_cast<std::size_t>(end_ - p_) / 16 < n) return false;
    const bool ring = kind == Kind::Ring;
    if ((kind == Kind::Line && n == 1) || (ring && n != 0 && n < 4)) return false;
    double first_x = 0, first_y = 0, x = 0, y = 0;
    for (std::uint32_t i = 0; i < n; ++i) {
      x = coordinate(little);
      y = coordinate(little);
      if (i == 0) first_x = x, first_y = y;
      // NaN fails both comparisons: it is out of range too.
      if (!(std::fabs(x) <= limit) || !(std::fabs(y) <= limit)) return false;
      if (e.is_null) {
        e = Envelope{x, y, x, y, false};
      } else {
        if (x < e.min_x) e.min_x = x;
        if (x > e.max_x) e.max_x = x;
        if (y < e.min_y) e.min_y = y;
        if (y > e.max_y) e.max_y = y;
      }
    }
    return !ring || n == 0 || (x == first_x && y == first_y);
  }
  bool at_end() const { return p_ == end_; }

 private:
  double coordinate(bool little) {
    unsigned char b[8];
    std::memcpy(b, p_, 8);
    p_ += 8;
    static const bool host_little = [] {
      const std::uint16_t one = 1;
      unsigned char first;
      std::memcpy(&first, &one, 1);
      return first == 1;
    }();
    if (little != host_little) {
      for (int i = 0; i < 4; ++i) std::swap(b[i], b[7 - i]);
    }
    double v;
    std::memcpy(&v, b, 8);
    return v;
  }

  const unsigned char* p_;
  const unsigned char* end_;
};

// One geometry of `expected` type (0: any of 1-6) at the cursor; returns its type code, 0 on
// anything not handled.
std::uint32_t scan_one(WkbCursor& c, std::uint32_t expected, double limit, Envelope& e) {
  unsigned char order;
  std::uint32_t type;
  if (!c.byte(order) || order > 1 || !c.u32(order == 1, type)) return 0;
  const bool little = order == 1;
  if (type < 1 || type > 6 || (expected != 0 && type != expected)) return 0;
  std::uint32_t n;
  if (type == 1) {  // Point (an empty point is NaN, NaN: refused like any NaN)
    return c.points(little, 1, limit, e, WkbCursor::Kind::Point) ? type : 0;
  }
  if (!c.u32(little, n)) return 0;
  switch (type) {
    case 2:  // LineString
      return c.points(little, n, limit, e, WkbCursor::Kind::Line) ? type : 0;
    case 3:  // Polygon: rings
      for (std::uint32_t r = 0; r < n; ++r) {
        std::uint32_t points;
        if (!c.u32(little, points) || !c.points(little, points, limit, e, WkbCursor::Kind::Ring)) return 0;
        // An empty shell with holes: GEOS calls the polygon empty, its holes' vertices aside.
        if (r == 0 && points == 0 && n > 1) return 0;
      }
      return type;
    default:  // Multi*: parts of the single type
      for (std::uint32_t i = 0; i < n; ++i) {
        if (scan_one(c, type - 3, limit, e) == 0) return 0;
      }
      return type;
  }
}

}  // namespace

std::optional<WkbScan> scan_wkb(const unsigned char* bytes, std::size_t size, double limit) {
  WkbCursor cursor(bytes, size);
  WkbScan out;
  const std::uint32_t type = scan_one(cursor, 0, limit, out.envelope);
  if (type == 0 || !cursor.at_end()) return std::nullopt;
  static constexpr GeometryType kTypes[] = {GeometryType::Point,      GeometryType::LineString,
                                            GeometryType::Polygon,    GeometryType::MultiPoint,
                                            GeometryType::MultiLineString, GeometryType::MultiPolygon};
  out.type = kTypes[type - 1];
  return out;
}

}  // namespace redline::detail
