// Never lose data, in the library: output targets checked against inputs and special files
// (redline/io/output_path.h), inputs refused unless regular files or folders
// (redline/io/input_path.h), temporaries named so no scan takes them (redline/io/temporary_files.h),
// and the GeoPackage writer leaving either the finished file or the previous one, nothing else.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "redline/error.h"
#include "redline/io/input_path.h"
#include "redline/io/layer.h"
#include "redline/io/output_path.h"
#include "redline/io/temporary_files.h"
#include "redline/io/writer.h"
#include "support/test_support.h"

namespace redline {
namespace {

namespace fs = std::filesystem;

void write_text(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// The folder's entries, by name.
std::vector<std::string> entries(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// Asserts that `fn` throws an Error of `kind` whose message starts with `path` and holds `part`.
template <typename Fn>
void expect_error(Fn&& fn, ErrorKind kind, const std::string& path, const std::string& part) {
  try {
    fn();
    ADD_FAILURE() << "no error for " << path;
  } catch (const Error& e) {
    EXPECT_EQ(static_cast<int>(e.kind()), static_cast<int>(kind)) << e.what();
    EXPECT_EQ(std::string(e.what()).rfind(path + ": ", 0), 0u) << e.what();
    EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
  }
}

// A folder with an input GeoPackage "in.gpkg" and an input shapefile "parcels.*".
struct Inputs {
  std::string dir, gpkg, shp;
  explicit Inputs(const std::string& name) : dir(test::work_dir(name)) {
    gpkg = dir + "/in.gpkg";
    fs::copy_file(test::data_path("overlay/cases.gpkg"), gpkg);
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"}) {
      fs::copy_file(test::data_path(std::string("area/parcels_4527") + ext), dir + "/parcels" + ext);
    }
    shp = dir + "/parcels.shp";
  }
  std::vector<std::string> all() const { return {gpkg, shp}; }
};

TEST(OutputTarget, NewPathInAWritableFolderIsAccepted) {
  Inputs in("output_target_new");
  const OutputTarget t = check_output_target(in.dir + "/out.gpkg", in.all());
  EXPECT_EQ(t.path, in.dir + "/out.gpkg");
  EXPECT_EQ(t.resolved, in.dir + "/out.gpkg");
  EXPECT_EQ(check_output_target(in.dir + "/OUT.GPKG", in.all()).resolved, in.dir + "/OUT.GPKG");
  EXPECT_FALSE(fs::exists(in.dir + "/out.gpkg"));  // nothing created
}

TEST(OutputTarget, AnInputIsRefusedHoweverSpelled) {
  Inputs in("output_target_same");
  fs::create_directory(in.dir + "/sub");
  fs::create_symlink(in.gpkg, in.dir + "/link.gpkg");
  fs::create_hard_link(in.gpkg, in.dir + "/hard.gpkg");
  for (const std::string& out : {in.gpkg, in.dir + "/./in.gpkg", in.dir + "/sub/../in.gpkg", in.dir + "/link.gpkg",
                                 in.dir + "/hard.gpkg"}) {
    expect_error([&] { check_output_target(out, in.all()); }, ErrorKind::Usage, out, "is the input " + in.gpkg);
  }
  // Relative spellings too, from the folder above.
  const fs::path cwd = fs::current_path();
  fs::current_path(in.dir + "/sub");
  expect_error([&] { check_output_target("../in.gpkg", {in.gpkg}); }, ErrorKind::Usage, "../in.gpkg", "is the input");
  expect_error([&] { check_output_target("../hard.gpkg", {"../in.gpkg"}); }, ErrorKind::Usage, "../hard.gpkg",
               "is the input");
  fs::current_path(cwd);
}

TEST(OutputTarget, TheFilesOfAnInputShapefileAreRefused) {
  Inputs in("output_target_sidecar");
  // Existing files, files GDAL may create beside the shapefile, in any case.
  for (const char* name : {"parcels.dbf", "parcels.shx", "PARCELS.QIX", "parcels.sbn", "Parcels.shp.xml"}) {
    const std::string out = in.dir + "/" + name;
    expect_error([&] { check_output_target(out, in.all()); }, ErrorKind::Usage, out,
                 "is a file of the input shapefile " + in.shp);
  }
  // Reached through a link to the shapefile's folder.
  fs::remove(in.dir + "/../output_target_sidecar_link");
  fs::create_directory_symlink(in.dir, in.dir + "/../output_target_sidecar_link");
  const std::string via_link = in.dir + "/../output_target_sidecar_link/parcels.prj";
  expect_error([&] { check_output_target(via_link, {in.shp}); }, ErrorKind::Usage, via_link, "input shapefile");
  fs::remove(in.dir + "/../output_target_sidecar_link");
  // Another stem in the same folder is no sidecar (and is refused only for its extension).
  expect_error([&] { check_output_target(in.dir + "/other.dbf", in.all()); }, ErrorKind::Usage, in.dir + "/other.dbf",
               "GeoPackage files only");
}

TEST(OutputTarget, SqliteFilesBesideAnInputAndFilesInsideAnInputFolderAreRefused) {
  Inputs in("output_target_sqlite");
  const std::string wal = in.gpkg + "-wal";
  expect_error([&] { check_output_target(wal, in.all()); }, ErrorKind::Usage, wal, "SQLite's -wal file of the input");
  // A folder read as one source (a FileGDB, a folder of shapefiles).
  const std::string inside = in.dir + "/x.gpkg";
  expect_error([&] { check_output_target(inside, {in.dir}); }, ErrorKind::Usage, inside, "inside the input folder");
}

TEST(OutputTarget, FoldersFifosDevicesSocketsAndBadLinksAreRefused) {
  Inputs in("output_target_special");
  const std::string fifo = in.dir + "/fifo.gpkg";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
  expect_error([&] { check_output_target(fifo, in.all()); }, ErrorKind::Usage, fifo, "is a FIFO (named pipe)");
  expect_error([&] { check_output_target("/dev/null", in.all()); }, ErrorKind::Usage, "/dev/null",
               "is a character device");
  const std::string folder = in.dir + "/folder.gpkg";
  fs::create_directory(folder);
  expect_error([&] { check_output_target(folder, in.all()); }, ErrorKind::Usage, folder, "is a folder");
  const std::string sock = in.dir + "/s.gpkg";
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  ASSERT_LT(sock.size(), sizeof addr.sun_path);
  std::copy(sock.begin(), sock.end(), addr.sun_path);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  expect_error([&] { check_output_target(sock, in.all()); }, ErrorKind::Usage, sock, "is a socket");
  ::close(fd);
  const std::string loop = in.dir + "/loop.gpkg";
  fs::create_symlink(loop, loop);
  expect_error([&] { check_output_target(loop, in.all()); }, ErrorKind::Usage, loop, "loop of symbolic links");
  const std::string dangling = in.dir + "/dangling.gpkg";
  fs::create_symlink(in.dir + "/missing.gpkg", dangling);
  expect_error([&] { check_output_target(dangling, in.all()); }, ErrorKind::Usage, dangling, "link to a missing file");
  // A link to /dev/null is /dev/null.
  const std::string to_null = in.dir + "/null.gpkg";
  fs::create_symlink("/dev/null", to_null);
  expect_error([&] { check_output_target(to_null, in.all()); }, ErrorKind::Usage, to_null, "character device");
}

TEST(OutputTarget, OnlyGeoPackageNamesAreAccepted) {
  Inputs in("output_target_ext");
  for (const char* name : {"out.shp", "out.geojson", "out", "out.gpkg.bak", "out.sqlite"}) {
    const std::string out = in.dir + "/" + name;
    expect_error([&] { check_output_target(out, in.all()); }, ErrorKind::Usage, out,
                 "the output's name must end in .gpkg");
  }
}

TEST(OutputTarget, ReadOnlyTargetsAndFoldersAndMissingFoldersAreOutputErrors) {
  Inputs in("output_target_readonly");
  const std::string ro = in.dir + "/ro.gpkg";
  write_text(ro, "keep me");
  fs::permissions(ro, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  expect_error([&] { check_output_target(ro, in.all()); }, ErrorKind::Output, ro, "read-only");
  const std::string ro_dir = in.dir + "/ro_dir";
  fs::create_directory(ro_dir);
  fs::permissions(ro_dir, fs::perms::owner_read | fs::perms::owner_exec);
  expect_error([&] { check_output_target(ro_dir + "/x.gpkg", in.all()); }, ErrorKind::Output, ro_dir + "/x.gpkg",
               "read-only");
  fs::permissions(ro_dir, fs::perms::owner_all);
  expect_error([&] { check_output_target(in.dir + "/none/x.gpkg", in.all()); }, ErrorKind::Output,
               in.dir + "/none/x.gpkg", "does not exist");
}

TEST(OutputTarget, ALinkToAFileIsFollowedAndInputsThatDoNotExistAreIgnored) {
  Inputs in("output_target_link");
  write_text(in.dir + "/real.gpkg", "old");
  fs::create_symlink("real.gpkg", in.dir + "/link.gpkg");
  const OutputTarget t = check_output_target(in.dir + "/link.gpkg", {in.dir + "/nothing.shp", "/vsizip/x.zip/a.shp"});
  EXPECT_EQ(t.path, in.dir + "/link.gpkg");
  EXPECT_EQ(t.resolved, fs::canonical(in.dir + "/real.gpkg").string());
}

TEST(TemporaryFiles, NamesAreHiddenWithoutDataExtension) {
  EXPECT_TRUE(is_temporary_output_name(".out.gpkg.redline-tmp-123-1"));
  EXPECT_TRUE(is_temporary_output_name(".out.gpkg.redline-tmp-123-1-journal"));
  EXPECT_TRUE(is_temporary_output_name(".out.gpkg.redline-tmp-123-1-wal"));
  EXPECT_TRUE(is_temporary_output_name("out.gpkg.tmp-4711.gpkg"));  // left by earlier builds
  EXPECT_TRUE(is_temporary_output_name("out.gpkg.tmp-4711.gpkg-journal"));
  EXPECT_FALSE(is_temporary_output_name("out.gpkg"));
  EXPECT_FALSE(is_temporary_output_name("out.redline-tmp-1.gpkg"));  // not hidden: a user's file
  EXPECT_FALSE(is_temporary_output_name("a.tmp-x.gpkg"));
  EXPECT_FALSE(is_temporary_output_name("2024.tmp-.gpkg"));
}

TEST(InputPath, RegularFilesAndFoldersAreAccepted) {
  Inputs in("input_path_ok");
  EXPECT_NO_THROW(require_readable_input(in.gpkg));
  EXPECT_NO_THROW(require_readable_input(in.shp));
  EXPECT_NO_THROW(require_readable_input(in.dir));
  expect_error([&] { require_readable_input(in.dir + "/none.shp"); }, ErrorKind::Input, in.dir + "/none.shp",
               "no such file");
}

TEST(InputPath, SpecialFilesAreRefusedUnopened) {
  Inputs in("input_path_special");
  const std::string fifo = in.dir + "/fifo.gpkg";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
  expect_error([&] { require_readable_input(fifo); }, ErrorKind::Input, fifo, "is a FIFO (named pipe), not a file");
  expect_error([&] { require_readable_input("/dev/null"); }, ErrorKind::Input, "/dev/null", "character device");
  const std::string link = in.dir + "/link.gpkg";
  fs::create_symlink("fifo.gpkg", link);
  expect_error([&] { require_readable_input(link); }, ErrorKind::Input, link, "FIFO");
  const std::string loop = in.dir + "/loop.shp";
  fs::create_symlink("loop.shp", loop);
  expect_error([&] { require_readable_input(loop); }, ErrorKind::Input, loop, "loop of symbolic links");
  const std::string dangling = in.dir + "/dangling.shp";
  fs::create_symlink("missing.shp", dangling);
  expect_error([&] { require_readable_input(dangling); }, ErrorKind::Input, dangling, "link to a missing file");
}

TEST(InputPath, AFifoBesideAShapefileOrInsideAFolderSourceIsRefused) {
  Inputs in("input_path_sidecar");
  const std::string qix = in.dir + "/PARCELS.qix";
  ASSERT_EQ(::mkfifo(qix.c_str(), 0644), 0);
  expect_error([&] { require_readable_input(in.shp); }, ErrorKind::Input, qix, "beside parcels.shp");
  // The folder read as one source holds it too.
  expect_error([&] { require_readable_input(in.dir); }, ErrorKind::Input, qix, "in the folder " + in.dir);
  // Another file's FIFO is not this file's business.
  EXPECT_NO_THROW(require_readable_input(in.gpkg));
  fs::remove(qix);
  const std::string wal = in.gpkg + "-wal";
  ASSERT_EQ(::mkfifo(wal.c_str(), 0644), 0);
  expect_error([&] { require_readable_input(in.gpkg); }, ErrorKind::Input, wal, "beside in.gpkg");
}

// A 50 m square in EPSG:4527 whose lower left corner is at (x, 2800000).
std::string fmt_square(double x) {
  const std::string x0 = std::to_string(x), x1 = std::to_string(x + 50);
  return "POLYGON((" + x0 + " 2800000," + x1 + " 2800000," + x1 + " 2800050," + x0 + " 2800050," + x0 + " 2800000))";
}

// A GeoPackage of one layer "l" with `n` squares, through the writer.
void write_squares(GeoPackageWriter& out, int n) {
  out.begin_layer("l", Crs::from_user_input("EPSG:4527"), {{"name", FieldType::Text, 0, 0}});
  for (int i = 0; i < n; ++i) {
    const double x = 39500000 + 100.0 * i;
    out.add_feature(Geometry::from_wkt(fmt_square(x)), {std::string("f") + std::to_string(i)});
  }
}

TEST(GeoPackageWriter, WritesUnderAHiddenTemporaryAndRenamesLast) {
  Inputs in("writer_rename");
  const std::string target = in.dir + "/out.gpkg";
  const std::vector<std::string> before = entries(in.dir);
  {
    GeoPackageWriter out(target, in.all());
    write_squares(out, 3);
    std::vector<std::string> now = entries(in.dir);
    EXPECT_FALSE(fs::exists(target));
    std::vector<std::string> added;
    std::set_difference(now.begin(), now.end(), before.begin(), before.end(), std::back_inserter(added));
    ASSERT_FALSE(added.empty());
    for (const std::string& name : added) EXPECT_TRUE(is_temporary_output_name(name)) << name;
    out.commit();
  }
  std::vector<std::string> after = before;
  after.push_back("out.gpkg");
  std::sort(after.begin(), after.end());
  EXPECT_EQ(entries(in.dir), after);
  ReadOptions o;
  o.layer = "l";
  EXPECT_EQ(read_layer(target, o).features.size(), 3u);
}

TEST(GeoPackageWriter, AFailedOrAbandonedWriteKeepsThePreviousFileAndLeavesNoTemporary) {
  Inputs in("writer_failure");
  const std::string target = in.dir + "/out.gpkg";
  write_text(target, "previous result");
  const std::vector<std::string> before = entries(in.dir);
  {
    GeoPackageWriter out(target, in.all());
    write_squares(out, 2);
    // GDAL refuses a second layer of the same name: an OutputError, and the writer is spent.
    EXPECT_THROW(out.begin_layer("l", Crs::from_user_input("EPSG:4527"), {}), OutputError);
    EXPECT_THROW(out.commit(), OutputError);
  }
  EXPECT_EQ(entries(in.dir), before);
  EXPECT_EQ(test::read_file(target), "previous result");
  {
    GeoPackageWriter out(target, in.all());
    write_squares(out, 2);
  }  // never committed
  EXPECT_EQ(entries(in.dir), before);
  EXPECT_EQ(test::read_file(target), "previous result");
}

TEST(GeoPackageWriter, RefusesAnInputBeforeWritingAnything) {
  Inputs in("writer_refuses_input");
  const auto snapshot = test::snapshot_files(in.dir, "");
  EXPECT_THROW(GeoPackageWriter(in.gpkg, in.all()), UsageError);
  EXPECT_THROW(GeoPackageWriter(in.dir + "/parcels.dbf", in.all()), UsageError);
  EXPECT_EQ(test::snapshot_files(in.dir, ""), snapshot);
}

TEST(GeoPackageWriter, AReplacedFileKeepsItsPermissions) {
  Inputs in("writer_permissions");
  const std::string target = in.dir + "/out.gpkg";
  write_text(target, "old");
  ::chmod(target.c_str(), 0640);
  GeoPackageWriter out(target, in.all());
  write_squares(out, 1);
  out.commit();
  struct stat st {};
  ASSERT_EQ(::stat(target.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
}

}  // namespace
}  // namespace redline
