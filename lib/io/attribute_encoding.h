#pragma once
// Private: the encoding of a layer's attribute text, settled once per layer, and every text
// value and field name checked and decoded in it, so that no undecodable, mis-declared or
// mixed-encoding text reaches a report as mojibake.
//
// Shapefiles are opened without GDAL's recoding (open option ENCODING=""), so that the DBF's own
// bytes are seen: GDAL's recoding turns invalid bytes into '?' with one warning per process, and
// turns UTF-8 text inside a GBK file into valid but meaningless characters.
#include <iconv.h>

#include <string>

#include "io/gdal_dataset.h"
#include "redline/error.h"

namespace redline::detail {

/// The encoding a layer's attribute text is stored in, and what declared it.
struct AttributeEncoding {
  /// iconv name: "UTF-8", "CP936", "GBK", "ISO-8859-1" ...; "" when nothing declares one (a
  /// shapefile without .cpg and without DBF code page), then the text must be UTF-8.
  std::string name;
  /// What declared it, for messages: "asked for", "its .cpg file", "its DBF code page (LDID 87)",
  /// "the format" (GeoPackage, GeoJSON ... are always UTF-8), "" when nothing did.
  std::string origin;
  /// True when `name` comes from a shapefile and the DBF bytes are handed over undecoded.
  bool raw_bytes = false;
};

/// Returns the encoding of `layer` (opened by `driver`): `requested` when not "", else the
/// shapefile's .cpg, else its DBF code page (LDID), else none. Non-shapefile formats are UTF-8.
/// Reads GDAL's SHAPEFILE metadata (CPG_VALUE, ENCODING_FROM_CPG, ENCODING_FROM_LDID); throws
/// nothing (the decoder refuses an encoding it does not know).
AttributeEncoding settle_attribute_encoding(OGRLayer* layer, const std::string& driver,
                                            const std::string& requested);

/// Decodes the attribute text of one layer into UTF-8, refusing what cannot be trusted:
///  - bytes that are not valid in the encoding used (invalid UTF-8, a broken GBK pair ...);
///  - UTF-8 Chinese inside a file declared GBK/GB2312/GB18030 (mixed encodings);
///  - GBK bytes inside a file declared Latin-1 (ISO-8859-1, CP1252).
/// Not thread-safe (one iconv state): use one decoder per thread.
class AttributeDecoder {
 public:
  /// Throws UsageError when an encoding asked for is unknown to iconv, InputError when the one a
  /// file declares is (e.g. a .cpg naming "FOOBAR"); `where` names the layer.
  AttributeDecoder(AttributeEncoding encoding, const Location& where);
  ~AttributeDecoder();
  AttributeDecoder(const AttributeDecoder&) = delete;
  AttributeDecoder& operator=(const AttributeDecoder&) = delete;

  /// Returns `raw` as UTF-8. Throws InputError at `where` (which names feature and field for a
  /// value) when the text cannot be trusted; `what` says what it is ("the value", "field name").
  std::string decode(const std::string& raw, const Location& where, const char* what);

  const AttributeEncoding& encoding() const { return encoding_; }

 private:
  enum class Family { Utf8, Latin1, Chinese, Other };
  [[noreturn]] void refuse(const std::string& raw, const Location& where, const char* what,
                           const std::string& problem) const;
  AttributeEncoding encoding_;
  Family family_ = Family::Utf8;
  iconv_t iconv_ = reinterpret_cast<iconv_t>(-1);
  std::string buffer_;  // iconv's output, reused from value to value
};

/// Throws InputError when `layer` is a shapefile layer whose .dbf (its attribute table) is
/// missing or cannot be read: GDAL then reads the layer as having no fields at all. `path` is
/// the source as opened (the .shp, or the folder of shapefiles).
void require_attribute_table(const std::string& path, OGRLayer* layer, const std::string& driver,
                             const Location& where);

/// Returns `bytes` with every byte that is not part of a well-formed UTF-8 sequence (and, with
/// `escape_all`, every non-ASCII byte) written as \xNN, and control characters escaped as by
/// escape_controls(): messages and reports name undecodable text without printing mojibake.
std::string escape_bytes(const std::string& bytes, bool escape_all);

}  // namespace redline::detail
