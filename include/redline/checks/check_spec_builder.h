#pragma once
// The one way a check is built from named parameters: a rules file's [[check]] table and the
// quick form of `redline check` give the same keys, read by the same code.
//
// Keys (as a rules file writes them; redline/checks/rules.h shows a file):
//   name, description         texts (description is kept nowhere: a comment the file may hold)
//   kind                      not-reduced | nature-unchanged | function-not-lowered | min-share |
//                             share-of-zones | no-overlap | max-inside | no-gaps (required)
//   layer, layer_name         the checked layer: a path (required) and the layer inside it
//   previous, previous_layer  the version compared with
//   within, within_layer      min-share, max-inside: the layer the share lies inside; no-gaps:
//                             the area the layer must cover
//   with                      no-overlap: a list of tables { layer = PATH, layer_name = NAME }
//                             (in a rules file [[check.with]] tables), the layers not to overlap
//   max_overlap, max_area,    largest areas that pass, with their unit ("0ha"); 0 allowed.
//   max_gap                   DEFAULT kDefaultMaxOverlap, kDefaultMaxGap
//   max_percent               max-inside: a decimal number, 0 to 100 (as min_percent, 0 allowed)
//   sliver_width              metres, a decimal number (DEFAULT kDefaultSliverWidthMetres)
//   baseline                  an area with its unit ("75587.98ha"), or a table of them per group
//   where                     a table FIELD = value or [values]; from a command line
//                             "FIELD=V1,V2", one parameter per field
//   key, label, by, field     attribute names
//   order, zones              lists of texts; from a command line "a,b,c"
//   min_percent               a decimal number (a rules file: a TOML number; a command line:
//                             "52" or "52%")
//   share_of                  layer | within (DEFAULT kDefaultShareOf)
//   unit, method              an area unit and method (DEFAULT: the context's)
//   measure                   area | length (min-share, share-of-zones; DEFAULT area); with
//                             length, unit is a length unit: m or km, 米, 公里 (DEFAULT km, not
//                             the context's area unit) and method ellipsoidal or planar
// Paths are resolved against CheckSpecContext::base_dir; "{delivery}" may only begin a path
// (redline/checks/deliveries.h) and appear in no other value.
//
// Every error is a UsageError naming the check (CheckSpecContext::description), the line of
// the value when known ("line 6: "), the parameter as its user spelled it
// (CheckParameter::name) and what is wrong: an unknown key, a key given twice, a value of the
// wrong type, empty, with an empty item or an item twice, a threshold that makes no sense
// (redline/checks/threshold.h), and whatever validate_check refuses.
//
// Pure: reads no file, prints nothing, keeps nothing; safe from any thread.
//
// Example usage (the quick form):
//   std::vector<redline::CheckParameter> p = {
//       {"kind", redline::CheckValue::word("not-reduced")},
//       {"layer", redline::CheckValue::word("redline_2024.shp")},
//       {"baseline", redline::CheckValue::word("75587.98ha"), "--baseline"}};
//   redline::CheckSpec spec = redline::build_check_spec(p, {});
#include <cstddef>
#include <string>
#include <vector>

#include "redline/checks/check.h"
#include "redline/error.h"
#include "redline/export.h"

namespace redline {

struct CheckParameter;

/// A parameter's value: typed as a rules file types it, or a word from a command line that
/// the key reads as it needs (a number, a comma-separated list, FIELD=V1,V2).
struct REDLINE_EXPORT CheckValue {
  enum class Type {
    Text,    ///< a text in quotes
    Number,  ///< a number
    List,    ///< a list of values (items without keys)
    Table,   ///< named values (items with keys)
    Other,   ///< anything else a file may hold (true, a date): refused where a value is read
    Word,    ///< a command-line word
  };
  Type type = Type::Text;
  std::string text;      ///< Text, Word
  double number = 0.0;   ///< Number
  bool decimal = true;   ///< Number: false for a hexadecimal, octal or binary integer
  std::vector<CheckParameter> items;  ///< List, Table
  std::size_t line = 0;  ///< the line the value stands on in its file; 0: none (no "line N: ")

  /// Returns a command-line word.
  static CheckValue word(std::string text);
};

/// A key and its value.
struct CheckParameter {
  std::string key;    ///< one of check_parameter_keys(); in a Table, the item's name
  CheckValue value;
  /// How messages name the parameter, as its user wrote it ("--baseline"). DEFAULT "": the
  /// key, quoted ('min_percent').
  std::string name;
};

/// What the parameters do not say: how errors name the check, where relative paths start,
/// the defaults a rules file sets for all its checks.
struct CheckSpecContext {
  /// How errors name the check ("check 'c' (check 1, line 1)"). DEFAULT "": "check 'NAME'",
  /// or "check 'KIND'" for a check without a name.
  std::string description;
  Location file;         ///< where errors point (the rules file). DEFAULT: nowhere
  std::string base_dir;  ///< relative paths start here. DEFAULT "": paths are kept as given
  std::string source;    ///< CheckSpec::source of the check built. DEFAULT ""
  AreaUnit unit = kDefaultCheckUnit;        ///< the unit without a `unit` parameter
  AreaMethod method = kDefaultCheckMethod;  ///< the method without a `method` parameter
};

/// Returns the check the parameters describe, validated (validate_check). Throws UsageError
/// (see above).
REDLINE_EXPORT CheckSpec build_check_spec(const std::vector<CheckParameter>& parameters,
                                          const CheckSpecContext& context = {});

/// Returns the keys build_check_spec accepts, in name order.
REDLINE_EXPORT std::vector<std::string> check_parameter_keys();

}  // namespace redline
