// Never lose data, as a hostile user tries it on the `redline` binary: an output that is an
// input (however spelled), a special file, a folder, a read-only place or another format; a
// full disk; a signal mid-write; a FIFO as input, beside an input or in a deliveries folder.
// Each refusal: its exit code, exactly one stderr line "redline: error: FILE: ...", and every
// input byte-identical afterwards. Runs that could hang are killed after 20 s (SIGALRM).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "redline/io/temporary_files.h"
#include "support/test_support.h"

namespace redline {
namespace {

namespace fs = std::filesystem;
using test::CliResult;

constexpr unsigned kTimeout = 20;  // seconds; every run here takes well under 5

CliResult run(const std::vector<std::string>& args) { return test::run_cli_limited(args, {0, kTimeout}); }

// Every file under `dir` (recursively, links not followed) with its bytes; FIFOs and other
// special files by kind only, never opened.
std::vector<std::pair<std::string, std::string>> snapshot_tree(const std::string& dir) {
  std::vector<std::pair<std::string, std::string>> files;
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) {
    const fs::file_status s = it->symlink_status();
    const std::string name = fs::relative(it->path(), dir).string();
    if (fs::is_regular_file(s)) {
      files.emplace_back(name, test::read_file(it->path().string()));
    } else {
      files.emplace_back(name, "<" + std::to_string(static_cast<int>(s.type())) + ">");
      if (fs::is_symlink(s)) it.disable_recursion_pending();
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

using test::errors_only;

// Asserts the run's exit code and that stderr is one error line "redline: error: " naming `file`.
void expect_refusal(const CliResult& r, int code, const std::string& file, const std::string& part = "") {
  EXPECT_EQ(r.exit_code, code) << r.err;
  const std::string err = errors_only(r.err);
  EXPECT_EQ(err.rfind("redline: error: ", 0), 0u) << r.err;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find(file), std::string::npos) << r.err;
  if (!part.empty()) {
    EXPECT_NE(r.err.find(part), std::string::npos) << r.err;
  }
  EXPECT_EQ(r.out, "");
}

// A work folder with the inputs: in.gpkg (layers targets, cover) and parcels.shp (+ files).
struct Sandbox {
  std::string dir, gpkg, shp;
  explicit Sandbox(const std::string& name) : dir(test::work_dir(name)) {
    gpkg = dir + "/in.gpkg";
    fs::copy_file(test::data_path("overlay/cases.gpkg"), gpkg);
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"}) {
      fs::copy_file(test::data_path(std::string("area/parcels_4527") + ext), dir + "/parcels" + ext);
    }
    shp = dir + "/parcels.shp";
  }
  // `redline coverage` of the targets within the cover, written to `out`.
  std::vector<std::string> coverage(const std::string& out) const {
    return {"coverage", gpkg, "--layer", "targets", "--within", gpkg, "--within-layer", "cover", "--out", out};
  }
};

// Runs `args` and asserts a refusal with nothing in the sandbox changed.
void expect_refused_untouched(const Sandbox& s, const std::vector<std::string>& args, int code,
                              const std::string& file, const std::string& part = "") {
  const auto before = snapshot_tree(s.dir);
  expect_refusal(run(args), code, file, part);
  EXPECT_EQ(snapshot_tree(s.dir), before) << "the sandbox changed";
}

TEST(CliOutputSafety, AnOutputThatIsAnInputIsRefusedHoweverSpelled) {
  Sandbox s("cli_out_is_input");
  fs::create_directory(s.dir + "/sub");
  fs::create_symlink(s.gpkg, s.dir + "/link.gpkg");
  fs::create_hard_link(s.gpkg, s.dir + "/hard.gpkg");
  const std::string relative = fs::relative(s.dir, fs::current_path()).string();
  for (const std::string& out : {s.gpkg, relative + "/./in.gpkg", s.dir + "/sub/../in.gpkg", s.dir + "/link.gpkg",
                                 s.dir + "/hard.gpkg"}) {
    expect_refused_untouched(s, s.coverage(out), 2, out, "is the input");
  }
}

TEST(CliOutputSafety, TheFilesOfAnInputShapefileAreRefused) {
  Sandbox s("cli_out_sidecar");
  for (const char* name : {"parcels.dbf", "PARCELS.SHX", "parcels.qix"}) {
    const std::string out = s.dir + "/" + name;
    expect_refused_untouched(s, {"coverage", s.shp, "--within", s.gpkg, "--within-layer", "cover", "--out", out}, 2,
                             out, "is a file of the input shapefile");
  }
}

TEST(CliOutputSafety, EveryToolThatWritesPassesItsInputs) {
  Sandbox s("cli_out_every_tool");
  expect_refused_untouched(s, {"overlay", s.gpkg, s.shp, "--layer", "targets", "--out", s.gpkg}, 2, s.gpkg,
                           "is the input");
  expect_refused_untouched(s, {"overlay", s.shp, s.gpkg, "--b-layer", "cover", "--out", s.gpkg}, 2, s.gpkg,
                           "is the input");
  expect_refused_untouched(s, {"drift", s.gpkg, s.shp, "--before-layer", "targets", "--out", s.gpkg}, 2, s.gpkg,
                           "is the input");
  expect_refused_untouched(s, {"drift", s.shp, s.gpkg, "--after-layer", "cover", "--out", s.dir + "/parcels.prj"},
                           2, s.dir + "/parcels.prj", "input shapefile");
}

TEST(CliOutputSafety, DevicesFifosFoldersAndOtherFormatsAreRefused) {
  Sandbox s("cli_out_special");
  const std::string fifo = s.dir + "/fifo.gpkg";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
  fs::create_directory(s.dir + "/folder");
  expect_refused_untouched(s, s.coverage("/dev/null"), 2, "/dev/null", "character device");
  expect_refused_untouched(s, s.coverage("/dev/full"), 2, "/dev/full", "character device");
  expect_refused_untouched(s, s.coverage(fifo), 2, fifo, "FIFO");
  expect_refused_untouched(s, s.coverage(s.dir + "/folder"), 2, s.dir + "/folder", "is a folder");
  for (const char* name : {"out.shp", "out.geojson", "out"}) {
    expect_refused_untouched(s, s.coverage(s.dir + "/" + name), 2, s.dir + "/" + name, "must end in .gpkg");
  }
}

TEST(CliOutputSafety, ReadOnlyPlacesAreOutputErrors) {
  Sandbox s("cli_out_readonly");
  const std::string ro = s.dir + "/ro.gpkg";
  std::ofstream(ro) << "an earlier result";
  ::chmod(ro.c_str(), 0444);
  fs::create_directory(s.dir + "/ro_dir");
  ::chmod((s.dir + "/ro_dir").c_str(), 0555);
  expect_refused_untouched(s, s.coverage(ro), 3, ro, "read-only");
  expect_refused_untouched(s, s.coverage(s.dir + "/ro_dir/x.gpkg"), 3, s.dir + "/ro_dir/x.gpkg", "read-only");
  expect_refused_untouched(s, s.coverage(s.dir + "/none/x.gpkg"), 3, s.dir + "/none/x.gpkg", "does not exist");
  ::chmod((s.dir + "/ro_dir").c_str(), 0755);
}

TEST(CliOutputSafety, AFullDiskFailsWithExitThreeAndKeepsThePreviousFile) {
  Sandbox s("cli_out_disk_full");
  const std::string target = s.dir + "/result.gpkg";
  const CliResult first = run(s.coverage(target));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const std::uintmax_t full_size = fs::file_size(target);
  const CliResult complete = run({"info", target, "--format", "json"});  // layers, counts, extents
  ASSERT_EQ(complete.exit_code, 0) << complete.err;
  const auto before = snapshot_tree(s.dir);
  // The file-size limit makes every write beyond it fail with EFBIG, as a full disk does with
  // ENOSPC: at the creation of the file, at a commit, or while GDAL closes it and builds the
  // spatial indexes. Each must fail the run and leave the previous result as it was.
  int failed = 0;
  bool succeeded = false, failed_at_close = false;
  for (long long limit = 4096; limit < static_cast<long long>(full_size) + 65536; limit += 8192) {
    const CliResult r = test::run_cli_limited(s.coverage(target), {limit, kTimeout});
    if (r.exit_code == 0) {
      // A run that says it succeeded wrote the whole file, not a truncated one.
      EXPECT_EQ(fs::file_size(target), full_size) << "limit " << limit;  // same size every run
      EXPECT_EQ(run({"info", target, "--format", "json"}).out, complete.out) << "limit " << limit;
      succeeded = true;
      break;
    }
    ++failed;
    failed_at_close = failed_at_close || r.err.find("cannot finish the file") != std::string::npos;
    expect_refusal(r, 3, target);
    EXPECT_EQ(snapshot_tree(s.dir), before) << "limit " << limit;
  }
  EXPECT_GE(failed, 5);
  // The failure the issue met: at the final commit, while GDAL closes the file (GDAL 3.6).
  EXPECT_TRUE(failed_at_close);
  EXPECT_TRUE(succeeded) << "no limit let the run finish";
}

// Starts the CLI with its output thrown away and a minute to live; returns its pid.
pid_t start_quiet_cli(const std::vector<std::string>& args) {
  const int null = open("/dev/null", O_WRONLY);
  const pid_t pid = test::start_cli(args, null, null, test::CliLimits{0, 60});
  close(null);
  return pid;
}

std::vector<std::string> temporaries_in(const std::string& dir) {
  std::vector<std::string> found;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (is_temporary_output_name(name)) found.push_back(name);
  }
  return found;
}

// Starts an overlay of the sample county's 3428 parcels with its red line, stops it while its
// temporary output exists, sends `sig`, and lets it go on. Returns the wait status, or -1 when
// the run finished before it could be caught mid-write.
int interrupt_mid_write(const std::string& dir, int sig) {
  const std::string sample = test::source_path("samples/huichang/huichang.gpkg");
  const pid_t pid = start_quiet_cli({"overlay", sample, sample, "--layer", "parcels", "--b-layer", "redline", "--op",
                               "union", "--out", dir + "/union.gpkg"});
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    if (!temporaries_in(dir).empty()) {
      ::kill(pid, SIGSTOP);
      if (waitpid(pid, &status, WUNTRACED) != pid || !WIFSTOPPED(status)) return -1;  // it ended
      // Stopped: if the temporary is still there and the result is not, it is mid-write.
      const bool mid_write = !temporaries_in(dir).empty() && !fs::exists(dir + "/union.gpkg");
      ::kill(pid, mid_write ? sig : SIGKILL);
      ::kill(pid, SIGCONT);
      waitpid(pid, &status, 0);
      return mid_write ? status : -1;
    }
    if (waitpid(pid, &status, WNOHANG) == pid) return -1;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  ::kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  ADD_FAILURE() << "the run did not start writing within 60 s";
  return -1;
}

TEST(CliOutputSafety, ASignalMidWriteLeavesNoTemporary) {
  const std::string sample_dir = test::source_path("samples/huichang");
  const auto sample = test::snapshot_files(sample_dir, "huichang");
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    std::string dir;
    int status = -1;
    for (int attempt = 0; attempt < 5 && status == -1; ++attempt) {
      dir = test::work_dir("cli_out_signal_" + std::to_string(sig));
      status = interrupt_mid_write(dir, sig);
    }
    ASSERT_NE(status, -1) << "never caught the run mid-write";
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == sig) << "status " << status;
    EXPECT_EQ(temporaries_in(dir), std::vector<std::string>{});
    EXPECT_TRUE(fs::is_empty(dir));
  }
  EXPECT_EQ(test::snapshot_files(sample_dir, "huichang"), sample);
}

TEST(CliInputSafety, AFifoOrDeviceAsInputIsRefusedUnopened) {
  Sandbox s("cli_in_fifo");
  const std::string fifo = s.dir + "/fifo.gpkg";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
  expect_refused_untouched(s, {"area", fifo}, 2, fifo, "FIFO");
  expect_refused_untouched(s, {"info", fifo}, 2, fifo, "FIFO");
  expect_refused_untouched(s, {"area", "/dev/zero"}, 2, "/dev/zero", "character device");
  expect_refused_untouched(s, {"coverage", s.shp, "--within", fifo}, 2, fifo, "FIFO");
  expect_refused_untouched(s, {"check", "not-reduced", fifo, "--baseline", "1ha"}, 2, fifo, "FIFO");
  const std::string rules_fifo = s.dir + "/rules.toml";
  ASSERT_EQ(::mkfifo(rules_fifo.c_str(), 0644), 0);
  expect_refused_untouched(s, {"check", rules_fifo}, 2, rules_fifo, "FIFO");
}

TEST(CliInputSafety, AFifoBesideAShapefileIsRefusedUnopened) {
  Sandbox s("cli_in_fifo_sidecar");
  fs::remove(s.dir + "/parcels.dbf");
  ASSERT_EQ(::mkfifo((s.dir + "/parcels.dbf").c_str(), 0644), 0);
  expect_refused_untouched(s, {"area", s.shp}, 2, s.dir + "/parcels.dbf", "beside parcels.shp");
  expect_refused_untouched(s, {"area", s.dir}, 2, s.dir + "/parcels.dbf", "in the folder");
}

// A rules file checking every delivery against the base version (tests/data/checks).
struct DeliveriesSandbox {
  std::string root, rules, deliveries;
  explicit DeliveriesSandbox(const std::string& name) : root(test::work_dir(name)) {
    fs::create_directories(root + "/rules");
    fs::create_directories(root + "/drift");
    fs::copy_file(test::data_path("checks/deliveries.toml"), root + "/rules/deliveries.toml");
    fs::copy_file(test::data_path("drift/versions.gpkg"), root + "/drift/versions.gpkg");
    deliveries = root + "/incoming";
    fs::copy(test::data_path("checks/deliveries"), deliveries);
    rules = root + "/rules/deliveries.toml";
  }
  CliResult check() const { return run({"check", rules, "--deliveries", deliveries, "--format", "json"}); }
};

TEST(CliInputSafety, ADeliveriesScanSkipsTemporariesAndRefusesFifosAndLoops) {
  DeliveriesSandbox d("cli_deliveries_scan");
  // Half-written outputs of this and of earlier builds are no deliveries; a FIFO under a name
  // that is no data file is none either, and is not opened.
  std::ofstream(d.deliveries + "/.2024-03.gpkg.redline-tmp-99-1") << "half written";
  std::ofstream(d.deliveries + "/2024-04.gpkg.tmp-99.gpkg") << "half written";
  ASSERT_EQ(::mkfifo((d.deliveries + "/notes").c_str(), 0644), 0);
  const auto before = snapshot_tree(d.root);
  CliResult r = d.check();
  EXPECT_EQ(r.exit_code, 1) << r.err;  // 2024-02 loses area: a failed check, with its figures
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out.find("2024-03"), std::string::npos);
  EXPECT_EQ(r.out.find("2024-04"), std::string::npos);
  EXPECT_NE(r.out.find("2024-02.gpkg"), std::string::npos);

  // A FIFO under a data name is refused, unopened.
  const std::string fifo = d.deliveries + "/2024-05.gpkg";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
  expect_refusal(d.check(), 2, fifo, "FIFO");
  fs::remove(fifo);

  // A link that loops on itself, and one back to the deliveries folder.
  fs::create_symlink("loop", d.deliveries + "/loop");
  expect_refusal(d.check(), 2, d.deliveries + "/loop", "loop");
  fs::remove(d.deliveries + "/loop");
  fs::create_directory_symlink("..", d.deliveries + "/up");
  expect_refusal(d.check(), 2, d.deliveries + "/up", "loop");
  fs::remove(d.deliveries + "/up");
  fs::create_directory_symlink(".", d.deliveries + "/here");
  expect_refusal(d.check(), 2, d.deliveries + "/here", "loop");
  fs::remove(d.deliveries + "/here");
  EXPECT_EQ(snapshot_tree(d.root), before);
}

}  // namespace
}  // namespace redline
