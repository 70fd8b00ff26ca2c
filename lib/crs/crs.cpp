#include "redline/crs/crs.h"

#include <cmath>
#include <cstdlib>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "crs/proj_handle.h"
#include "redline/error.h"

namespace redline {

namespace {

using detail::PjPtr;
using detail::proj_context;

bool is_geographic_type(PJ_TYPE t) {
  return t == PJ_TYPE_GEOGRAPHIC_2D_CRS || t == PJ_TYPE_GEOGRAPHIC_3D_CRS ||
         t == PJ_TYPE_GEOGRAPHIC_CRS;
}

// Returns the EPSG code PROJ identifies with full confidence, if any.
std::optional<int> identify_epsg(PJ* crs) {
  PJ_CONTEXT* ctx = proj_context();
  if (const char* auth = proj_get_id_auth_name(crs, 0)) {
    if (std::string(auth) == "EPSG") return std::atoi(proj_get_id_code(crs, 0));
  }
  int* confidence = nullptr;
  PJ_OBJ_LIST* candidates = proj_identify(ctx, crs, "EPSG", nullptr, &confidence);
  std::optional<int> code;
  if (candidates) {
    if (proj_list_get_count(candidates) >= 1 && confidence && confidence[0] >= 90) {
      PjPtr best(proj_list_get(ctx, candidates, 0));
      if (best && proj_get_id_code(best.get(), 0)) code = std::atoi(proj_get_id_code(best.get(), 0));
    }
    proj_list_destroy(candidates);
  }
  proj_int_list_destroy(confidence);
  return code;
}

}  // namespace

Crs Crs::from_user_input(const std::string& text) {
  PJ_CONTEXT* ctx = proj_context();
  detail::forget_proj_message();  // a message left by an earlier call is not about this text
  PjPtr pj(proj_create(ctx, text.c_str()));
  // "+proj=tmerc ..." alone is a conversion for PROJ; as a CRS it needs "+type=crs", which
  // people who write PROJ strings rarely add (GDAL adds it too).
  if (pj && !proj_is_crs(pj.get()) && text.find("+proj=") != std::string::npos &&
      text.find("+type=crs") == std::string::npos) {
    pj.reset(proj_create(ctx, (text + " +type=crs").c_str()));
  }
  if (!pj || !proj_is_crs(pj.get())) {
    throw UsageError(fmt::format("'{}' is not a coordinate reference system PROJ knows ({})",
                                 text.size() > 80 ? text.substr(0, 80) + "…" : text,
                                 detail::proj_error_message()));
  }
  // A bound CRS (WKT1 with TOWGS84) is described by its base CRS.
  if (proj_get_type(pj.get()) == PJ_TYPE_BOUND_CRS) pj.reset(proj_get_source_crs(ctx, pj.get()));

  Crs crs;
  const char* options[] = {"MULTILINE=NO", nullptr};
  const char* wkt = proj_as_wkt(ctx, pj.get(), PJ_WKT2_2019, options);
  if (!wkt) throw UsageError(fmt::format("'{}' cannot be written as WKT2", text));
  crs.wkt_ = wkt;
  crs.name_ = proj_get_name(pj.get()) ? proj_get_name(pj.get()) : "";
  // A CRS made from a PROJ string is named "unknown" by PROJ: a report saying "CRS unknown"
  // about a CRS the user gave would mislead, so it is named by its PROJ string instead.
  if (crs.name_.empty() || crs.name_ == "unknown") {
    const char* proj_string = proj_as_proj_string(ctx, pj.get(), PJ_PROJ_5, nullptr);
    if (proj_string) crs.name_ = proj_string;
  }
  const PJ_TYPE type = proj_get_type(pj.get());
  crs.geographic_ = is_geographic_type(type);
  crs.projected_ = type == PJ_TYPE_PROJECTED_CRS;
  crs.epsg_ = identify_epsg(pj.get());

  PjPtr ellipsoid(proj_get_ellipsoid(ctx, pj.get()));
  if (!ellipsoid) {
    throw UsageError(fmt::format("the CRS '{}' has no ellipsoid redline can measure on", crs.name_));
  }
  double a = 0, b = 0, inv_f = 0;
  int b_computed = 0;
  proj_ellipsoid_get_parameters(ctx, ellipsoid.get(), &a, &b, &b_computed, &inv_f);
  crs.ellipsoid_.semi_major = a;
  crs.ellipsoid_.inverse_flattening = inv_f;  // 0 for a sphere
  crs.ellipsoid_.name = proj_get_name(ellipsoid.get()) ? proj_get_name(ellipsoid.get()) : "";
  return crs;
}

std::string Crs::label() const {
  if (!is_known()) return "unknown";
  if (epsg_) return fmt::format("EPSG:{} ({})", *epsg_, name_);
  return name_;
}

bool Crs::equivalent_to(const Crs& other) const {
  if (!is_known() || !other.is_known()) return is_known() == other.is_known();
  if (wkt_ == other.wkt_) return true;
  if (epsg_ && other.epsg_) return *epsg_ == *other.epsg_;
  PJ_CONTEXT* ctx = proj_context();
  PjPtr a(proj_create(ctx, wkt_.c_str()));
  PjPtr b(proj_create(ctx, other.wkt_.c_str()));
  return a && b && proj_is_equivalent_to(a.get(), b.get(), PJ_COMP_EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS);
}

}  // namespace redline
