#include "redline/crs/transform.h"

#include <cmath>
#include <string>

#include <fmt/format.h>

#include "crs/proj_handle.h"
#include "redline/geom/coordinate_map.h"
#include "redline/error.h"

namespace redline {

using detail::PjPtr;

// The transformation and the context it lives in: members are destroyed in reverse order, so
// the PJ goes before its context, on whichever thread drops the transform.
struct CoordinateTransform::Impl {
  detail::ProjContextPtr ctx = detail::make_proj_context();
  PjPtr op;  // null for the identity
  // op runs this way: PJ_INV when op is the one step of PROJ's pipeline, made on its own.
  PJ_DIRECTION direction = PJ_FWD;
  // Applied to op's output: 1, or PROJ's radians-to-degrees factor when op stops at radians.
  double output_scale = 1.0;
};

namespace {

PjPtr make_crs(PJ_CONTEXT* ctx, const Crs& crs) {
  if (!crs.is_known()) throw UsageError("cannot transform coordinates of a layer with unknown CRS");
  PjPtr pj(proj_create(ctx, crs.wkt().c_str()));
  if (!pj) throw InternalError("PROJ cannot rebuild CRS " + crs.label());
  return pj;
}

PjPtr normalised(PJ_CONTEXT* ctx, PjPtr op, const std::string& what) {
  if (!op) throw UsageError(fmt::format("PROJ finds no transformation {} ({})", what,
                                        detail::proj_error_message(ctx)));
  // EPSG's CGCS2000 axis order is northing, easting (latitude, longitude): redline works in
  // the traditional GIS order throughout.
  PjPtr norm(proj_normalize_for_visualization(ctx, op.get()));
  if (!norm) throw InternalError("PROJ cannot normalise axis order " + what);
  return norm;
}

}  // namespace

CoordinateTransform::CoordinateTransform(const Crs& source, const Crs& target) {
  if (source.equivalent_to(target) && source.is_known()) return;  // the identity: no PROJ at all
  impl_ = std::make_unique<Impl>();
  PJ_CONTEXT* ctx = impl_->ctx.get();
  PjPtr src = make_crs(ctx, source), dst = make_crs(ctx, target);
  impl_->op = normalised(ctx, PjPtr(proj_create_crs_to_crs_from_pj(ctx, src.get(), dst.get(), nullptr, nullptr)),
                         "from " + source.label() + " to " + target.label());
}

namespace {

// PROJ's factor from radians to degrees in its unitconvert step (xy_in=rad, xy_out=deg): the
// radian's factor (1) over the degree's (pi/180).
constexpr double kProjDegreesPerRadian = 1.0 / (M_PI / 180.0);

// When PROJ describes `to_degrees` as exactly one inverted step followed by its own
// radians-to-degrees step,
//   "proj=pipeline step inv <step> step proj=unitconvert xy_in=rad xy_out=deg",
// returns <step> made on its own, to be run inverse and its radians scaled by
// kProjDegreesPerRadian: what the pipeline computes, bit for bit, without the pipeline's pass
// and its second step (184 -> 134 ns a point for a Gauss-Krüger zone, PROJ 9.1). Else null.
// Made from the text alone: no database lookup.
PjPtr inverse_step_in_radians(PJ_CONTEXT* ctx, PJ* to_degrees) {
  static const std::string kHead = "proj=pipeline step inv ";
  static const std::string kTail = " step proj=unitconvert xy_in=rad xy_out=deg";
  const char* text = proj_pj_info(to_degrees).definition;
  if (!text) return nullptr;
  const std::string definition(text);
  if (definition.size() <= kHead.size() + kTail.size() ||
      definition.compare(0, kHead.size(), kHead) != 0 ||
      definition.compare(definition.size() - kTail.size(), kTail.size(), kTail) != 0) {
    return nullptr;
  }
  const std::string step =
      definition.substr(kHead.size(), definition.size() - kHead.size() - kTail.size());
  // One step, itself not inverted: anything else keeps the whole pipeline.
  if (step.compare(0, 5, "proj=") != 0 || step.find(" step") != std::string::npos ||
      step.find(" inv") != std::string::npos) {
    return nullptr;
  }
  PjPtr alone(proj_create(ctx, step.c_str()));
  if (!alone) return nullptr;
  const PJ_PROJ_INFO info = proj_pj_info(alone.get());
  // PROJ must read the step back as the same operation, and know its inverse.
  if (!info.has_inverse || !info.definition || step != info.definition) return nullptr;
  return alone;
}

}  // namespace

CoordinateTransform CoordinateTransform::to_geographic(const Crs& source) {
  CoordinateTransform t;
  t.impl_ = std::make_unique<Impl>();
  PJ_CONTEXT* ctx = t.impl_->ctx.get();
  PjPtr src = make_crs(ctx, source);
  PjPtr geodetic(proj_crs_get_geodetic_crs(ctx, src.get()));
  if (!geodetic) throw InternalError("PROJ finds no geodetic CRS under " + source.label());
  // For a geographic source only the axis order may need changing.
  t.impl_->op = normalised(
      ctx, PjPtr(proj_create_crs_to_crs_from_pj(ctx, src.get(), geodetic.get(), nullptr, nullptr)),
      source.is_geographic() ? "to geographic coordinates" : "from " + source.label() + " to longitude/latitude");
  if (source.is_projected()) {
    if (PjPtr alone = inverse_step_in_radians(ctx, t.impl_->op.get())) {
      t.impl_->op = std::move(alone);
      t.impl_->direction = PJ_INV;
      t.impl_->output_scale = kProjDegreesPerRadian;
    }
  }
  return t;
}

CoordinateTransform::~CoordinateTransform() = default;
CoordinateTransform::CoordinateTransform(CoordinateTransform&&) noexcept = default;
CoordinateTransform& CoordinateTransform::operator=(CoordinateTransform&&) noexcept = default;

namespace {
// Why PROJ refused a coordinate (": PROJ: Invalid coordinate"), or "" when it did not say.
std::string proj_refusal(PJ_CONTEXT* ctx, PJ* op) {
  const int code = proj_errno(op);
  const char* text = code ? proj_context_errno_string(ctx, code) : nullptr;
  return text && *text ? std::string(": PROJ: ") + text : "";
}
}  // namespace

bool CoordinateTransform::is_identity() const noexcept { return !impl_ || !impl_->op; }

void CoordinateTransform::apply(double* x, double* y, std::size_t count, std::size_t stride) const {
  if (is_identity() || count == 0) return;
  const std::size_t bytes = stride * sizeof(double);
  proj_errno_reset(impl_->op.get());
  proj_trans_generic(impl_->op.get(), impl_->direction, x, bytes, count, y, bytes, count, nullptr,
                     0, 0, nullptr, 0, 0);
  const double scale = impl_->output_scale;
  for (std::size_t i = 0; i < count; ++i) {
    double& xi = x[i * stride];
    double& yi = y[i * stride];
    if (!std::isfinite(xi) || !std::isfinite(yi)) {
      throw InputError("a coordinate cannot be transformed (outside the projection's domain?)" +
                       proj_refusal(impl_->ctx.get(), impl_->op.get()));
    }
    if (scale != 1.0) {
      xi *= scale;
      yi *= scale;
    }
  }
}

Geometry CoordinateTransform::apply(GeometryView geometry) const {
  if (geometry.is_null()) return Geometry();
  if (is_identity()) return geometry.clone();
  PJ* op = impl_->op.get();
  const double scale = impl_->output_scale;
  const PJ_DIRECTION direction = impl_->direction;
  proj_errno_reset(op);
  Geometry out = map_coordinates(geometry, [op, scale, direction](double& x, double& y) {
    PJ_COORD c = proj_trans(op, direction, proj_coord(x, y, 0, 0));
    if (!std::isfinite(c.xy.x) || !std::isfinite(c.xy.y)) return false;
    x = c.xy.x * scale;
    y = c.xy.y * scale;
    return true;
  });
  if (out.is_null()) {
    throw InputError("a coordinate cannot be transformed (outside the projection's domain?)" +
                     proj_refusal(impl_->ctx.get(), op));
  }
  return out;
}

}  // namespace redline
