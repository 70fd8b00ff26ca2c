// Deliveries: the folder scan and the expansion of {delivery} in the rules' paths.
#include "redline/checks/deliveries.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "redline/checks/catalogue.h"
#include "redline/checks/rules.h"
#include "redline/io/input_path.h"
#include "redline/io/temporary_files.h"
#include "util/text.h"

namespace redline {

namespace fs = std::filesystem;

bool uses_delivery(const CheckSpec& spec) {
  for (const std::string* p : {&spec.layer.path, spec.previous ? &spec.previous->path : nullptr,
                               spec.within ? &spec.within->path : nullptr}) {
    if (p && p->find(kDeliveryPlaceholder) != std::string::npos) return true;
  }
  for (const LayerRef& with : spec.with) {
    if (with.path.find(kDeliveryPlaceholder) != std::string::npos) return true;
  }
  return false;
}

std::vector<std::string> list_deliveries(const std::string& dir) {
  const Location folder{dir, "", std::nullopt, ""};
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw InputError("not a folder of deliveries", folder);
  // The folder and the folders above it: a delivery folder that leads back to one of them is a
  // loop of symbolic links, not a delivery.
  std::vector<fs::path> above;
  for (fs::path p = fs::canonical(dir, ec); !ec && !p.empty(); p = p.parent_path()) {
    above.push_back(p);
    if (p == p.root_path()) break;
  }
  std::vector<std::string> out;
  fs::directory_iterator it(dir, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const fs::path& path = it->path();
    const std::string name = path.filename().string();
    // Hidden files and redline's temporary outputs (half-written files) are no deliveries.
    if (name.empty() || name[0] == '.' || is_temporary_output_name(name)) continue;
    const std::string ext = detail::ascii_lower(path.extension().string());
    const bool data_name = ext == ".gpkg" || ext == ".shp" || ext == ".geojson" || ext == ".json";
    std::error_code status_error;
    const fs::file_status status = fs::status(path, status_error);  // stat(): follows links, opens nothing
    if (status.type() == fs::file_type::directory) {
      std::error_code real_error;
      const fs::path real = fs::canonical(path, real_error);
      if (!real_error && std::find(above.begin(), above.end(), real) != above.end()) {
        throw InputError("is a symbolic link back to the deliveries folder or above it (a loop)",
                         Location{path.string(), "", std::nullopt, ""});
      }
      out.push_back(path.string());
    } else {
      std::error_code link_error;
      const bool unresolved_link = status_error && it->is_symlink(link_error);
      // A FIFO, device or socket under a data name, or a link that leads nowhere (missing, or
      // a loop), is refused without being opened (opening a FIFO blocks); other files are no
      // deliveries.
      if (data_name || unresolved_link) {
        require_readable_input(path.string());
        out.push_back(path.string());
      }
    }
  }
  if (ec) throw InputError(fmt::format("the folder cannot be read: {}", ec.message()), folder);
  std::sort(out.begin(), out.end());
  if (out.empty()) {
    throw UsageError("holds no delivery (subfolders or .gpkg, .shp, .geojson files)", folder);
  }
  return out;
}

std::vector<CheckSpec> expand_deliveries(const RuleSet& rules, const std::vector<std::string>& deliveries) {
  if (rules.uses_delivery && deliveries.empty()) {
    throw UsageError("the rules name layers by {delivery}", Location{rules.path, "", std::nullopt, ""},
                     Hint{HintKind::Deliveries, ""});
  }
  if (!rules.uses_delivery && !deliveries.empty()) {
    throw UsageError("no path of the rules holds {delivery}: nothing to run per delivery",
                     Location{rules.path, "", std::nullopt, ""});
  }
  for (const std::string& d : deliveries) {
    // "" would turn "{delivery}/redline.shp" into "/redline.shp".
    if (d.empty()) throw UsageError("a delivery is named by an empty path", Location{rules.path, "", std::nullopt, ""});
  }
  // {boundary} is a county's, from a catalogue (county_checks replaces it before this).
  for (const CheckSpec& s : rules.checks) {
    std::vector<const LayerRef*> refs = {&s.layer};
    if (s.previous) refs.push_back(&*s.previous);
    if (s.within) refs.push_back(&*s.within);
    for (const LayerRef& w : s.with) refs.push_back(&w);
    for (const LayerRef* ref : refs) {
      if (ref->path == kBoundaryPlaceholder) {
        throw UsageError("check '" + s.name + "' names a layer by " + std::string(kBoundaryPlaceholder) +
                             ": a county's boundary, which a catalogue of counties gives",
                         Location{rules.path, "", std::nullopt, ""});
      }
    }
  }
  std::vector<CheckSpec> out;
  for (const CheckSpec& s : rules.checks) {
    if (!uses_delivery(s)) out.push_back(s);
  }
  for (const std::string& d : deliveries) {
    auto replace = [&](std::string& p) {
      for (std::size_t at; (at = p.find(kDeliveryPlaceholder)) != std::string::npos;) {
        p.replace(at, kDeliveryPlaceholder.size(), d);
      }
    };
    for (const CheckSpec& s : rules.checks) {
      if (!uses_delivery(s)) continue;
      CheckSpec c = s;
      replace(c.layer.path);
      if (c.previous) replace(c.previous->path);
      if (c.within) replace(c.within->path);
      for (LayerRef& with : c.with) replace(with.path);
      c.delivery = fs::path(d).filename().string();
      out.push_back(std::move(c));
    }
  }
  return out;
}

}  // namespace redline
