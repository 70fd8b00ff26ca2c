// `redline check --report FILE.html` end to end, and the page as a person sees it: the sample
// indicators' report rendered by headless Chromium (Debian `chromium`, installed by
// `scripts/dev deps`) to a PNG, whose pixels tests/cli/report_pixels.py (Python + PIL) counts,
// and printed to PDF on A4. Refusals: exit 2 or 3, one stderr line, inputs byte-identical.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace redline {
namespace {

using test::CliResult;
using test::contains;

const std::string kSampleDir = test::source_path("samples/huichang");
const std::string kRules = kSampleDir + "/indicators.toml";
const std::string kSample = kSampleDir + "/huichang.gpkg";
CliResult run_cli(const std::vector<std::string>& args) { return test::run_cli(args); }

// Every test leaves the sample byte-identical.
class HtmlReportCli : public ::testing::Test {
 protected:
  void SetUp() override { sample_before_ = test::snapshot_files(kSampleDir, "huichang.gpkg"); }
  void TearDown() override {
    EXPECT_EQ(test::snapshot_files(kSampleDir, "huichang.gpkg"), sample_before_) << "the sample was modified";
  }

 private:
  std::vector<std::pair<std::string, std::string>> sample_before_;
};

/// Runs a shell command and returns its stdout (the command's exit status in `status`).
std::string shell(const std::string& command, int* status = nullptr) {
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return "";
  std::string out;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  const int rc = ::pclose(pipe);
  if (status) *status = rc;
  return out;
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

bool no_temporaries(const std::string& dir) {
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (contains(e.path().filename().string(), "redline-tmp")) return false;
  }
  return true;
}

TEST_F(HtmlReportCli, SampleReportHoldsEveryIndicatorAndChecksum) {
  const std::string dir = test::work_dir("html_report_sample");
  const std::string html_path = dir + "/report.html";
  const CliResult plain = run_cli({"check", kRules});
  const CliResult r = run_cli({"check", kRules, "--report", html_path});
  EXPECT_EQ(r.exit_code, 1) << r.err;  // the sample fails 8 of its 14 checks
  EXPECT_EQ(r.out, plain.out);         // stdout is the same report as without --report
  const std::string html = test::read_file(html_path);
  ASSERT_FALSE(html.empty());
  EXPECT_TRUE(contains(html, "<h1>会昌县生态文明建设示范区规划 空间管控指标（样例县）</h1>"));
  EXPECT_EQ(count(html, "<section class=\"check\""), 14u);
  EXPECT_EQ(count(html, "<td class=\"pass\">达标</td>"), 6u);
  EXPECT_EQ(count(html, "<td class=\"fail\">未达标</td>"), 8u);
  EXPECT_TRUE(contains(html, "生态保护红线面积不减少（2024版对比基线版）"));
  EXPECT_TRUE(contains(html, "36073321000057"));  // a lost feature of the red line, by BSM
  const std::string digest = shell("sha256sum '" + kSample + "'").substr(0, 64);
  EXPECT_TRUE(contains(html, "<td class=\"hash\">" + digest + "</td>"));
  EXPECT_EQ(count(html, digest), 1u);  // one file, listed once however many layers it gives
  EXPECT_TRUE(contains(html, "EPSG:4527"));
  // A map for every failed check (4, 5, 7, 9, 11, 12, 13, 14: the 8 未达标 rows), inline SVG
  // with ids of their own, and none for a check that passed.
  EXPECT_EQ(count(html, "<figure class=\"map\">"), 8u);
  EXPECT_EQ(count(html, "<svg"), 8u);
  EXPECT_EQ(count(html, "<?xml"), 0u);
  for (int failed : {4, 5, 7, 9, 11, 12, 13, 14}) {
    EXPECT_GT(count(html, "id=\"m" + std::to_string(failed) + "-"), 0u) << "check " << failed;
  }
  for (int passed : {1, 2, 3, 6, 8, 10}) {
    EXPECT_EQ(count(html, "id=\"m" + std::to_string(passed) + "-"), 0u) << "check " << passed;
  }
  EXPECT_FALSE(contains(html, "http://"));
  EXPECT_FALSE(contains(html, "https://"));
  EXPECT_FALSE(contains(html, "src=\""));
  EXPECT_TRUE(no_temporaries(dir));
  // The same inputs, the same bytes.
  const std::string again = dir + "/again.html";
  run_cli({"check", kRules, "--report", again});
  EXPECT_EQ(test::read_file(again), html);
}

TEST_F(HtmlReportCli, QuickFormWritesAReportToo) {
  const std::string dir = test::work_dir("html_report_quick");
  const CliResult r = run_cli({"check", "not-reduced", kSample, "--layer", "redline", "--baseline",
                                     "75587.98ha", "--report", dir + "/q.html"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string html = test::read_file(dir + "/q.html");
  EXPECT_EQ(count(html, "<section class=\"check\""), 1u);
  EXPECT_TRUE(contains(html, "<td class=\"pass\">达标</td>"));
  EXPECT_TRUE(contains(html, "huichang.gpkg (redline)"));
}

TEST_F(HtmlReportCli, RefusesAnInputAFolderADeviceAndAnotherExtension) {
  const std::string dir = test::work_dir("html_report_refusals");
  struct Case {
    std::string target;
    int exit_code;
    std::string message;
  };
  const std::vector<Case> cases = {
      {kSample, 2, "is the input"},
      {dir, 2, "is a folder"},
      {"/dev/null", 2, "is a character device"},
      {dir + "/report.txt", 2, "must end in .html"},
      {dir + "/missing/report.html", 3, "does not exist"},
  };
  for (const Case& c : cases) {
    const CliResult r = run_cli({"check", kRules, "--report", c.target});
    EXPECT_EQ(r.exit_code, c.exit_code) << c.target << ": " << r.err;
    EXPECT_EQ(count(r.err, "\n"), 1u) << r.err;
    EXPECT_TRUE(contains(r.err, "redline: error: " + c.target + ": ")) << r.err;
    EXPECT_TRUE(contains(r.err, c.message)) << r.err;
    EXPECT_TRUE(r.out.empty()) << "refused before any check ran";
  }
  // A read-only folder: exit 3, nothing left behind.
  const std::string locked = dir + "/locked";
  std::filesystem::create_directory(locked);
  ::chmod(locked.c_str(), 0555);
  const CliResult r = run_cli({"check", kRules, "--report", locked + "/report.html"});
  ::chmod(locked.c_str(), 0755);
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_TRUE(contains(r.err, "read-only")) << r.err;
  EXPECT_TRUE(std::filesystem::is_empty(locked));
}

TEST_F(HtmlReportCli, ADiskFullWriteExits3AndLeavesNothing) {
  const std::string dir = test::work_dir("html_report_disk_full");
  test::CliLimits limits;
  limits.max_file_bytes = 4096;  // the report is ~37 KB: the write fails as on a full disk
  const CliResult r = test::run_cli_limited({"check", kRules, "--report", dir + "/r.html"}, limits);
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_TRUE(contains(r.err, "redline: error: " + dir + "/r.html: cannot be written")) << r.err;
  EXPECT_TRUE(std::filesystem::is_empty(dir));
}

// The page as a person sees it. Chromium and Python + PIL come with `scripts/dev deps`.
TEST_F(HtmlReportCli, ChromiumRendersTheSampleReportAndPrintsItOnA4) {
  const std::string dir = test::work_dir("html_report_chromium");
  const std::string html_path = dir + "/report.html";
  ASSERT_EQ(run_cli({"check", kRules, "--report", html_path}).exit_code, 1);
  const std::string chromium = "chromium --headless --disable-gpu --no-sandbox --no-first-run "
                               "--user-data-dir=" + dir + "/profile ";
  const std::string png = dir + "/report.png", pdf = dir + "/report.pdf";
  int status = -1;
  shell(chromium + "--window-size=1240,1754 --screenshot=" + png + " file://" + html_path + " 2>&1", &status);
  ASSERT_EQ(status, 0) << "chromium failed: install it with scripts/dev deps";
  std::istringstream pixels(shell("/usr/bin/python3 " + test::source_path("tests/cli/report_pixels.py") + " " + png,
                                  &status));
  ASSERT_EQ(status, 0);
  long width = 0, height = 0, non_white = 0, red = 0, green = 0, map_red = 0;
  pixels >> width >> height >> non_white >> red >> green >> map_red;
  EXPECT_EQ(width, 1240);
  EXPECT_EQ(height, 1754);
  // Not blank: the screenshot of the first page is ~14 % drawn (measured: 304168 of 2174960).
  EXPECT_GT(non_white, width * height / 20) << "the page looks blank";
  // The red of 未达标 (8 rows) and the green of 达标 (6 rows) are on screen (measured: 5550
  // red and 1947 green pixels).
  EXPECT_GT(red, 1000);
  EXPECT_GT(green, 500);

  // The whole page, taller than the report: the maps' red pieces (what fails) are drawn
  // (measured: 2727 pixels of that fill at 1240 px wide, which no table uses).
  const std::string whole = dir + "/whole.png";
  shell(chromium + "--window-size=1240,20000 --screenshot=" + whole + " file://" + html_path + " 2>&1", &status);
  ASSERT_EQ(status, 0);
  std::istringstream whole_pixels(
      shell("/usr/bin/python3 " + test::source_path("tests/cli/report_pixels.py") + " " + whole, &status));
  ASSERT_EQ(status, 0);
  whole_pixels >> width >> height >> non_white >> red >> green >> map_red;
  EXPECT_EQ(height, 20000);
  EXPECT_GT(map_red, 1000) << "the maps are not on the page";

  shell(chromium + "--no-pdf-header-footer --print-to-pdf=" + pdf + " file://" + html_path + " 2>&1", &status);
  ASSERT_EQ(status, 0);
  const std::string pdf_bytes = test::read_file(pdf);
  ASSERT_EQ(pdf_bytes.rfind("%PDF-", 0), 0u);
  // Every page is A4 (595.28 × 841.89 pt; Chromium rounds to its own 1/96-inch grid).
  std::size_t pages = 0;
  for (std::size_t at = pdf_bytes.find("/MediaBox ["); at != std::string::npos;
       at = pdf_bytes.find("/MediaBox [", at + 1)) {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    ASSERT_EQ(std::sscanf(pdf_bytes.c_str() + at, "/MediaBox [%lf %lf %lf %lf]", &x0, &y0, &x1, &y1), 4);
    EXPECT_NEAR(x1 - x0, 595.28, 1.5);
    EXPECT_NEAR(y1 - y0, 841.89, 1.5);
    ++pages;
  }
  EXPECT_GE(pages, 3u);
}

}  // namespace
}  // namespace redline
