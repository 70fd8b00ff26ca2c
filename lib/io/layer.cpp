// Layer's methods and the names of what reading notices about a feature.
#include "redline/io/layer.h"

#include <fmt/format.h>

#include "util/enum_names.h"

namespace redline {

namespace {

constexpr detail::EnumNames<FeatureIssue::Kind, 8> kIssueKindNames{
    "feature issue",
    {{{FeatureIssue::Kind::NullGeometry, "null geometry"},
      {FeatureIssue::Kind::EmptyGeometry, "empty geometry"},
      {FeatureIssue::Kind::Invalid, "invalid polygon"},
      {FeatureIssue::Kind::NotPolygon, "not a polygon"},
      {FeatureIssue::Kind::Flattened, "Z/M dropped"},
      {FeatureIssue::Kind::Linearised, "curve linearised"},
      {FeatureIssue::Kind::NotLine, "not a line"},
      {FeatureIssue::Kind::DegenerateLine, "degenerate line"}}}};

constexpr detail::EnumNames<FeatureIssue::Action, 3> kIssueActionNames{
    "feature issue action",
    {{{FeatureIssue::Action::Counted, "counted"},
      {FeatureIssue::Action::Repaired, "repaired"},
      {FeatureIssue::Action::Skipped, "skipped"}}}};

}  // namespace

std::string to_string(FeatureIssue::Kind kind) { return kIssueKindNames.name(kind); }

std::string to_string(FeatureIssue::Action action) { return kIssueActionNames.name(action); }

std::size_t Layer::field_index(const std::string& field_name) const {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == field_name) return i;
  }
  std::string names;
  for (const auto& f : fields) names += (names.empty() ? "" : ", ") + f.name;
  throw UsageError(fmt::format("no field '{}' (fields: {})", field_name,
                               names.empty() ? "none" : names),
                   where());
}

Layer Layer::clone() const {
  Layer copy;
  copy.source = source;
  copy.name = name;
  copy.driver = driver;
  copy.geometry = geometry;
  copy.crs = crs;
  copy.fields = fields;
  copy.report = report;
  copy.features.reserve(features.size());
  for (const Feature& f : features) {
    copy.features.push_back(Feature{f.fid, f.geometry.clone(), f.values, f.original.clone()});
  }
  return copy;
}

Location Layer::where(std::optional<std::int64_t> fid) const {
  return Location{source, name, fid, ""};
}

}  // namespace redline
