#include "io/raw_feature_reader.h"

#include <algorithm>
#include <memory>

#include "io/attribute_values.h"

namespace redline::detail {

RawFeatureReader::RawFeatureReader(OGRLayer* layer, const std::vector<Field>& fields,
                                   AttributeDecoder& decoder, const Location& where)
    : layer_(layer), fields_(fields), decoder_(decoder), where_(where) {
  const GIntBig announced = layer_->GetFeatureCount(FALSE);
  announced_ = announced > 0 ? static_cast<std::size_t>(announced) : 0;
  layer_->ResetReading();
  errors_.emplace();
}

bool RawFeatureReader::read(std::size_t count, std::vector<RawFeature>& out) {
  for (std::size_t n = 0; n < count; ++n) {
    const std::size_t failures_before = errors_->failure_count();
    std::unique_ptr<OGRFeature> f(layer_->GetNextFeature());
    // A record GDAL cannot read (a truncated or damaged .shp) comes back with a null geometry
    // and a CE_Failure: refuse it rather than measure the feature as 0.
    if (errors_->failure_count() != failures_before) {
      Location at = where_;
      if (f) at.feature = f->GetFID();
      throw InputError("cannot be read: " + errors_->last_failure() +
                           " (is the file truncated or damaged?)",
                       at);
    }
    if (!f) return false;
    RawFeature raw;
    raw.fid = f->GetFID();
    Location at = where_;
    at.feature = raw.fid;
    raw.values = read_values(*f, fields_, decoder_, at);
    if (OGRGeometry* g = f->GetGeometryRef()) {
      if (OGR_GT_IsNonLinear(g->getGeometryType())) {
        OGRGeometry* linear = g->getLinearGeometry();
        f->SetGeometryDirectly(linear);
        g = f->GetGeometryRef();
        raw.linearised = true;
      }
      if (g->Is3D() || g->IsMeasured()) {
        g->flattenTo2D();
        g->setMeasured(FALSE);
        raw.flattened = true;
      }
      raw.wkb.resize(g->WkbSize());
      g->exportToWkb(wkbNDR, raw.wkb.data(), wkbVariantIso);
    }
    out.push_back(std::move(raw));
    ++read_;
  }
  return true;
}

std::vector<std::string> RawFeatureReader::finish() const {
  if (!errors_->last().empty() && read_ < announced_) {
    throw InputError("reading stopped after " + std::to_string(read_) + " of " +
                         std::to_string(announced_) + " features: " + errors_->last(),
                     where_);
  }
  // GDAL prints nothing (see ensure_gdal_registered): what it warned about while reading is
  // reported with the layer instead, once each.
  std::vector<std::string> warnings;
  for (const std::string& w : errors_->warnings()) {
    if (std::find(warnings.begin(), warnings.end(), w) == warnings.end()) warnings.push_back(w);
  }
  return warnings;
}

}  // namespace redline::detail
