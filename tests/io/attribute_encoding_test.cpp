// Attribute text read in the encoding a file declares, and refused when it cannot be trusted:
// invalid bytes, UTF-8 inside a GBK file (mixed encodings), a .cpg naming an unknown encoding, a
// missing or unreadable .dbf. The files are made by tests/oracles/make_attribute_data.py (see its
// docstring for the bytes each holds).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "redline/error.h"
#include "redline/io/layer.h"
#include "redline/io/source_info.h"
#include "support/test_support.h"

namespace redline {
namespace {

using test::data_path;

using test::contains;

std::string attributes(const std::string& stem) { return data_path("io/attributes/" + stem + ".shp"); }

using test::read_error;

// A library message says what to do without naming a CLI flag (a rules file user typed none).
void expect_no_flag(const Error& e) {
  EXPECT_FALSE(contains(e.what(), "--")) << "a library message names no CLI flag: " << e.what();
}

TEST(AttributeEncoding, Utf8InsideGbkFileIsRefusedNamingFeatureAndField) {
  // FID 1's HXLX holds the UTF-8 bytes of 生物多样性维护 in a file whose .cpg says GBK: GDAL
  // alone reads it as 鐢熺墿澶氭牱鎬х淮鎶 without a word.
  const InputError e = read_error<InputError>(attributes("utf8_in_gbk"));
  EXPECT_EQ(e.where().file, attributes("utf8_in_gbk"));
  EXPECT_EQ(e.where().layer, "utf8_in_gbk");
  ASSERT_TRUE(e.where().feature.has_value());
  EXPECT_EQ(*e.where().feature, 1);
  EXPECT_EQ(e.where().field, "HXLX");
  EXPECT_TRUE(contains(e.what(), "UTF-8 text inside a file declared GBK")) << e.what();
  EXPECT_TRUE(contains(e.what(), "mixed encodings")) << e.what();
  EXPECT_TRUE(contains(e.what(), "生物多样性维护")) << e.what();  // shown as it is: UTF-8
  EXPECT_FALSE(contains(e.what(), "鐢熺")) << "mojibake in the message: " << e.what();
  EXPECT_EQ(e.hint().kind, HintKind::DeclareEncoding);
  EXPECT_TRUE(contains(e.what(), "declare the file's encoding")) << e.what();
  expect_no_flag(e);
}

TEST(AttributeEncoding, Utf8InsideGbkFileDeclaredUtf8RefusesTheGbkValue) {
  // Declaring UTF-8 does not make the file readable: FID 0 holds GBK bytes (水源涵养).
  ReadOptions options;
  options.encoding = "UTF-8";
  const InputError e = read_error<InputError>(attributes("utf8_in_gbk"), options);
  ASSERT_TRUE(e.where().feature.has_value());
  EXPECT_EQ(*e.where().feature, 0);
  EXPECT_EQ(e.where().field, "HXLX");
  EXPECT_TRUE(contains(e.what(), "\\xCB\\xAE\\xD4\\xB4")) << e.what();  // 水源 in GBK, as bytes
  EXPECT_TRUE(contains(e.what(), "look like GBK")) << e.what();
}

TEST(AttributeEncoding, InvalidGbkBytesAreRefusedNamingFeatureFieldAndByte) {
  // FID 2's HXLX is GBK 水土 (CB AE CD C1) then 0xFF, which no GBK character holds: GDAL alone
  // drops it, with one warning per process.
  const InputError e = read_error<InputError>(attributes("bad_gbk"));
  ASSERT_TRUE(e.where().feature.has_value());
  EXPECT_EQ(*e.where().feature, 2);
  EXPECT_EQ(e.where().field, "HXLX");
  EXPECT_TRUE(contains(e.what(), "'\\xCB\\xAE\\xCD\\xC1\\xFF'")) << e.what();
  EXPECT_TRUE(contains(e.what(), "not valid text in GBK (its .cpg file)")) << e.what();
  EXPECT_TRUE(contains(e.what(), "byte 5 (0xFF)")) << e.what();
  expect_no_flag(e);
}

TEST(AttributeEncoding, InvalidUtf8IsRefusedShowingTheValidPartAsText) {
  const InputError e = read_error<InputError>(attributes("bad_utf8"));
  ASSERT_TRUE(e.where().feature.has_value());
  EXPECT_EQ(*e.where().feature, 1);
  EXPECT_EQ(e.where().field, "HXLX");
  EXPECT_TRUE(contains(e.what(), "'水源\\xC3('")) << e.what();
  EXPECT_TRUE(contains(e.what(), "not valid text in UTF-8 (its .cpg file)")) << e.what();
}

TEST(AttributeEncoding, GbkFileReadsWhenEveryValueIsGbk) {
  // The same GBK values, one encoding throughout: read and decoded.
  ReadOptions options;
  options.encoding = "GBK";
  const Layer layer = read_layer(data_path("io/gbk_nocpg.shp"), options);
  EXPECT_EQ(std::get<std::string>(layer.features[1].values[1]), "生物多样性维护");
  EXPECT_EQ(layer.report.encoding, "GBK");
}

TEST(AttributeEncoding, CpgNamingAnUnknownEncodingIsRefused) {
  const InputError e = read_error<InputError>(attributes("unknown_cpg"));
  EXPECT_EQ(e.where().file, attributes("unknown_cpg"));
  EXPECT_EQ(e.where().layer, "unknown_cpg");
  EXPECT_TRUE(contains(e.what(), "its .cpg file names the encoding 'FOOBAR', which is not known"))
      << e.what();
  expect_no_flag(e);

  // Declaring the encoding overrides the .cpg.
  ReadOptions options;
  options.encoding = "UTF-8";
  EXPECT_EQ(read_layer(attributes("unknown_cpg"), options).features.size(), 3u);
}

TEST(AttributeEncoding, CpgWithByteOrderMarkAndLineEndIsUnderstood) {
  // Notepad writes a BOM, many tools a line end: "\xEF\xBB\xBFUTF-8\r\n" still says UTF-8.
  namespace fs = std::filesystem;
  const fs::path dir = test::work_dir("attribute_encoding_cpg_bom");
  for (const char* ext : {".shp", ".shx", ".dbf", ".prj"}) {
    fs::copy_file(data_path(std::string("area/parcels_4527") + ext), dir / (std::string("parcels") + ext));
  }
  {
    std::ofstream cpg(dir / "parcels.cpg", std::ios::binary);
    cpg << "\xEF\xBB\xBFUTF-8\r\n";
  }
  const Layer layer = read_layer((dir / "parcels.shp").string());
  EXPECT_EQ(layer.report.encoding, "UTF-8");
  EXPECT_EQ(std::get<std::string>(layer.features[0].values[1]), "水源涵养");
}

TEST(AttributeEncoding, UnknownEncodingAskedForIsAUsageError) {
  ReadOptions options;
  options.encoding = "FOOBAR";
  const UsageError e = read_error<UsageError>(data_path("area/parcels_4527.shp"), options);
  EXPECT_TRUE(contains(e.what(), "unknown encoding 'FOOBAR'")) << e.what();
}

TEST(AttributeEncoding, MissingDbfIsRefusedNotReadAsNoFields) {
  const InputError e = read_error<InputError>(attributes("no_dbf"));
  EXPECT_EQ(e.where().file, attributes("no_dbf"));
  EXPECT_EQ(e.where().layer, "no_dbf");
  EXPECT_TRUE(contains(e.what(), "its .dbf file (the attribute table) is missing")) << e.what();
}

TEST(AttributeEncoding, UnreadableDbfIsRefused) {
  // A .dbf GDAL cannot open (here a folder under that name; a file without read permission
  // behaves the same for a user who is not root).
  namespace fs = std::filesystem;
  const fs::path dir = test::work_dir("attribute_encoding_unreadable_dbf");
  for (const char* ext : {".shp", ".shx", ".prj", ".cpg"}) {
    fs::copy_file(data_path(std::string("area/parcels_4527") + ext), dir / (std::string("parcels") + ext));
  }
  fs::create_directory(dir / "parcels.dbf");
  const InputError e = read_error<InputError>((dir / "parcels.shp").string());
  EXPECT_TRUE(contains(e.what(), "its .dbf file (the attribute table) cannot be read")) << e.what();
}

TEST(AttributeEncoding, InspectSourceReportsTheProblemAndShowsNamesAsBytes) {
  const SourceInfo info = inspect_source(attributes("utf8_in_gbk"));
  ASSERT_EQ(info.layers.size(), 1u);
  EXPECT_EQ(info.layers[0].encoding, "GBK");
  EXPECT_EQ(info.layers[0].fields[1].name, "HXLX");
  EXPECT_TRUE(contains(info.layers[0].problem, "mixed encodings")) << info.layers[0].problem;

  const SourceInfo unknown = inspect_source(attributes("unknown_cpg"));
  EXPECT_TRUE(contains(unknown.layers[0].problem, "'FOOBAR'")) << unknown.layers[0].problem;
  EXPECT_EQ(unknown.layers[0].fields[0].name, "BSM");
}

}  // namespace
}  // namespace redline
