#include "io/attribute_encoding.h"

#include <cerrno>

#include <fmt/format.h>

#include "util/text.h"

namespace redline::detail {

namespace {

bool is_shapefile(const std::string& driver) { return driver == "ESRI Shapefile"; }

// What the user can do: declare the encoding the file really uses (each front end spells it
// its own way; the library names no flag).
const Hint kDeclareGbk{HintKind::DeclareEncoding, "GBK"};

std::string normalised(const std::string& name) {
  std::string out;
  for (char c : ascii_lower(name)) {
    if (c != '-' && c != '_' && c != ' ') out.push_back(c);
  }
  return out;
}

bool is_ascii(const std::string& s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Returns a SHAPEFILE metadata item without the byte order mark and blanks some tools write
// around a .cpg's content.
std::string metadata(OGRLayer* layer, const char* item) {
  const char* v = layer->GetMetadataItem(item, "SHAPEFILE");
  std::string s = v ? v : "";
  if (s.rfind("\xEF\xBB\xBF", 0) == 0) s.erase(0, 3);
  const std::size_t first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

AttributeEncoding settle_attribute_encoding(OGRLayer* layer, const std::string& driver,
                                            const std::string& requested) {
  AttributeEncoding out;
  if (!is_shapefile(driver)) {
    out.name = "UTF-8";
    out.origin = "the format";
    return out;
  }
  out.raw_bytes = true;
  if (!requested.empty()) {
    out.name = requested;
    out.origin = "asked for";
    return out;
  }
  // GDAL reports what the .cpg says (ENCODING_FROM_CPG, its own reading of CPG_VALUE) and what
  // the LDID byte says, even when asked not to recode; the .cpg wins, as in GDAL and ArcGIS.
  const std::string cpg = metadata(layer, "CPG_VALUE");
  const std::string from_cpg = metadata(layer, "ENCODING_FROM_CPG");
  if (!from_cpg.empty() || !cpg.empty()) {
    out.name = from_cpg.empty() ? cpg : from_cpg;
    out.origin = from_cpg == cpg || from_cpg.empty()
                     ? "its .cpg file"
                     : fmt::format("its .cpg file ('{}')", escape_bytes(cpg, false));
    return out;
  }
  const std::string from_ldid = metadata(layer, "ENCODING_FROM_LDID");
  if (!from_ldid.empty()) {
    out.name = from_ldid;
    out.origin = fmt::format("its DBF code page (LDID {})", metadata(layer, "LDID_VALUE"));
  }
  return out;
}

AttributeDecoder::AttributeDecoder(AttributeEncoding encoding, const Location& where)
    : encoding_(std::move(encoding)) {
  const std::string n = normalised(encoding_.name);
  if (n.empty() || n == "utf8") {
    family_ = Family::Utf8;
    return;
  }
  if (n == "iso88591" || n == "latin1" || n == "cp1252" || n == "windows1252" || n == "1252") {
    family_ = Family::Latin1;
  } else if (n == "gbk" || n == "cp936" || n == "936" || n == "gb2312" || n == "euccn" ||
             n == "gb18030") {
    family_ = Family::Chinese;
  } else {
    family_ = Family::Other;
  }
  iconv_ = ::iconv_open("UTF-8", encoding_.name.c_str());
  if (iconv_ == reinterpret_cast<iconv_t>(-1)) {
    const std::string name = escape_bytes(encoding_.name, false);
    if (encoding_.origin == "asked for") {
      throw UsageError(fmt::format("unknown encoding '{}' (known ones include GBK, GB18030, "
                                   "UTF-8, CP936, BIG5, ISO-8859-1)",
                                   name),
                       where);
    }
    throw InputError(fmt::format("{} names the encoding '{}', which is not known", encoding_.origin, name),
                     where, kDeclareGbk);
  }
}

AttributeDecoder::~AttributeDecoder() {
  if (iconv_ != reinterpret_cast<iconv_t>(-1)) ::iconv_close(iconv_);
}

void AttributeDecoder::refuse(const std::string& raw, const Location& where, const char* what,
                              const std::string& problem) const {
  // Bytes of another encoding are shown as bytes: GBK pairs can be valid UTF-8 by chance
  // (CB AE is U+02EE), and printing them would be the mojibake this refuses.
  const bool foreign = family_ != Family::Utf8 || looks_like_gbk(raw);
  throw InputError(fmt::format("{} '{}' {}", what, escape_bytes(raw, foreign), problem), where,
                   kDeclareGbk);
}

std::string AttributeDecoder::decode(const std::string& raw, const Location& where,
                                     const char* what) {
  const std::string declared =
      encoding_.name.empty()
          ? std::string("UTF-8 (no encoding declared)")
          : fmt::format("{} ({})", encoding_.name, encoding_.origin);
  if (family_ == Family::Utf8) {
    if (is_valid_utf8(raw)) return raw;
    refuse(raw, where, what,
           looks_like_gbk(raw) ? fmt::format("is not valid text in {}; its bytes look like GBK",
                                             declared)
                               : fmt::format("is not valid text in {}", declared));
  }
  if (is_ascii(raw)) return raw;
  if (family_ == Family::Latin1 && looks_like_gbk(raw)) {
    refuse(raw, where, what,
           fmt::format("is declared {} but its bytes are GBK-encoded Chinese", declared));
  }
  if (family_ == Family::Chinese && looks_like_utf8_chinese(raw)) {
    // Shown as UTF-8: it is.
    throw InputError(fmt::format("{} '{}' is UTF-8 text inside a file declared {} (mixed "
                                 "encodings): convert the file to one encoding",
                                 what, escape_controls(raw), declared),
                     where, Hint{HintKind::DeclareEncoding, ""});
  }
  ::iconv(iconv_, nullptr, nullptr, nullptr, nullptr);  // reset the shift state
  // One scratch buffer for the layer (a character takes at most 4 bytes in UTF-8); the value
  // returned is allocated at its own size.
  if (buffer_.size() < raw.size() * 4 + 4) buffer_.resize(raw.size() * 4 + 4);
  char* in = const_cast<char*>(raw.data());
  std::size_t in_left = raw.size();
  char* dst = buffer_.data();
  std::size_t out_left = buffer_.size();
  if (::iconv(iconv_, &in, &in_left, &dst, &out_left) == static_cast<std::size_t>(-1) ||
      ::iconv(iconv_, nullptr, nullptr, &dst, &out_left) == static_cast<std::size_t>(-1)) {
    const std::size_t at = raw.size() - in_left;
    refuse(raw, where, what,
           fmt::format("is not valid text in {}: byte {} (0x{:02X}) {}", declared, at + 1,
                       at < raw.size() ? static_cast<unsigned char>(raw[at]) : 0,
                       errno == EINVAL ? "starts a character that the value cuts short"
                                       : "is not part of any character"));
  }
  return std::string(buffer_.data(), buffer_.size() - out_left);
}

void require_attribute_table(const std::string& path, OGRLayer* layer, const std::string& driver,
                             const Location& where) {
  // A DBF always has a field (GDAL writes FID when given none): a shapefile layer without
  // fields has lost its .dbf, or GDAL could not read it.
  if (!is_shapefile(driver) || layer->GetLayerDefn()->GetFieldCount() > 0) return;
  // `path` is the .shp (or .shx) or the folder holding the layer's files.
  const std::string dir = CPLGetExtension(path.c_str())[0] == '\0' ? path : CPLGetPath(path.c_str());
  bool present = false;
  for (const char* ext : {"dbf", "DBF", "Dbf"}) {
    VSIStatBufL st;
    if (VSIStatExL(CPLFormFilename(dir.c_str(), layer->GetName(), ext), &st, VSI_STAT_EXISTS_FLAG) == 0) {
      present = true;
    }
  }
  throw InputError(present ? "its .dbf file (the attribute table) cannot be read: a shapefile "
                             "needs a readable .dbf beside its .shp"
                           : "its .dbf file (the attribute table) is missing: a shapefile needs "
                             "its .shp, .shx and .dbf",
                   where);
}

std::string escape_bytes(const std::string& bytes, bool escape_all) {
  std::string out;
  for (std::size_t i = 0; i < bytes.size();) {
    const unsigned char c = static_cast<unsigned char>(bytes[i]);
    std::size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (len > 1 && (escape_all || i + len > bytes.size() ||
                    !is_valid_utf8(std::string_view(bytes).substr(i, len)))) {
      len = 0;
    }
    if (len == 0) {
      out += fmt::format("\\x{:02X}", c);
      ++i;
    } else {
      out += escape_controls(std::string_view(bytes).substr(i, len));
      i += len;
    }
  }
  return out;
}

}  // namespace redline::detail
