// --format xlsx and --output end to end: the workbook of area (by group), drift and check on the
// sample, read back with openpyxl (tests/oracles/read_xlsx.py, /usr/bin/python3: an independent
// reader), compared with the same run's --format json (numbers to 1e-9); --output of the text
// formats writes the bytes stdout would; and each refused target (exit code, one stderr line,
// the inputs byte-identical, nothing left behind).
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace redline {
namespace {

using test::CliResult;
using test::contains;
namespace fs = std::filesystem;

const std::string kSampleDir = test::source_path("samples/huichang");
const std::string kSample = kSampleDir + "/huichang.gpkg";
const std::string kRules = kSampleDir + "/indicators.toml";

// Runs redline with `args`; every file of the sample's folder (the data and the rules) is
// byte-identical afterwards.
CliResult run_on_sample(const std::vector<std::string>& args) {
  const auto files_before = test::snapshot_files(kSampleDir, "");
  const CliResult result = test::run_cli(args);
  EXPECT_EQ(test::snapshot_files(kSampleDir, ""), files_before) << "the sample was modified";
  return result;
}

// The workbook as openpyxl reads it: {"sheets": [{"name", "freeze_panes", "rows", "fills", ...}]}.
nlohmann::json read_workbook(const std::string& path) {
  const std::string command =
      "/usr/bin/python3 " + test::source_path("tests/oracles/read_xlsx.py") + " '" + path + "'";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return nullptr;
  std::string out;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  EXPECT_EQ(::pclose(pipe), 0) << "read_xlsx.py failed on " << path;
  return nlohmann::json::parse(out);
}

const nlohmann::json& sheet(const nlohmann::json& book, const std::string& name) {
  for (const auto& s : book["sheets"]) {
    if (s["name"] == name) return s;
  }
  static const nlohmann::json kNone;
  ADD_FAILURE() << "no sheet " << name << " in " << book.dump();
  return kNone;
}

// The row whose first cell is `first` (nullptr when none).
const nlohmann::json* row_of(const nlohmann::json& s, const std::string& first) {
  for (const auto& row : s["rows"]) {
    if (!row.empty() && row[0].is_string() && row[0] == first) return &row;
  }
  return nullptr;
}

// The same run twice: to the workbook `book_path` and as JSON; both must exit `exit_code`.
struct BothRuns {
  nlohmann::json report;  ///< --format json
  nlohmann::json book;    ///< the workbook, read back
};
BothRuns run_both(const std::vector<std::string>& base, const std::string& book_path, int exit_code = 0) {
  std::vector<std::string> to_book = base, to_json = base;
  to_book.insert(to_book.end(), {"--format", "xlsx", "--output", book_path});
  to_json.insert(to_json.end(), {"--format", "json"});
  const CliResult written = run_on_sample(to_book);
  EXPECT_EQ(written.exit_code, exit_code) << written.err;
  EXPECT_EQ(written.out, "");  // the workbook went to the file
  const CliResult printed = run_on_sample(to_json);
  EXPECT_EQ(printed.exit_code, exit_code) << printed.err;
  return {nlohmann::json::parse(printed.out), read_workbook(book_path)};
}

TEST(XlsxCli, AreaByGroupMatchesJson) {
  const auto [report, book] = run_both({"area", kSample, "--layer", "redline", "--by", "HXLX"},
                                      test::work_dir("xlsx_area") + "/area.xlsx");
  const auto& groups = sheet(book, "分组");
  EXPECT_EQ(groups["freeze_panes"], "A2");
  EXPECT_EQ(groups["rows"][0], nlohmann::json({"HXLX", "图斑数", "面积 (公顷)", "占比 (%)"}));
  ASSERT_EQ(report["groups"].size(), 3u);
  for (const auto& g : report["groups"]) {
    const nlohmann::json* row = row_of(groups, g["key"].get<std::string>());
    ASSERT_NE(row, nullptr) << g["key"];
    ASSERT_TRUE((*row)[1].is_number() && (*row)[2].is_number()) << *row;  // numbers, never text
    EXPECT_EQ((*row)[1].get<int>(), g["features"].get<int>());
    EXPECT_NEAR((*row)[2].get<double>(), g["area"].get<double>(), 1e-9);
    EXPECT_NEAR((*row)[3].get<double>(), 100.0 * g["area"].get<double>() / report["total"].get<double>(), 1e-9);
  }
  const nlohmann::json* total = row_of(groups, "total");
  ASSERT_NE(total, nullptr);
  EXPECT_NEAR((*total)[2].get<double>(), report["total"].get<double>(), 1e-9);
  EXPECT_EQ((*total)[1].get<int>(), report["features"].get<int>());

  const auto& summary = sheet(book, "总计");
  EXPECT_EQ(summary["freeze_panes"], "A2");
  EXPECT_EQ(summary["rows"][0], nlohmann::json({"项目", "数值"}));
  const nlohmann::json* features = row_of(summary, "图斑数");  // "features", in Chinese as the headers
  ASSERT_NE(features, nullptr);
  EXPECT_EQ((*features)[1], report["features"]);
  // Widths fit: the widest group name, 生物多样性维护 (7 CJK characters = 14 columns), fits column A.
  EXPECT_GE(groups["widths"]["A"].get<double>(), 14.0);
  EXPECT_LE(groups["widths"]["A"].get<double>(), 30.0);
  // The input: source, layer, CRS as the JSON report gives them.
  const auto& inputs = sheet(book, "输入");
  EXPECT_EQ(inputs["rows"][0], nlohmann::json({"输入项", "数据源", "图层", "坐标系"}));
  ASSERT_EQ(inputs["rows"].size(), 2u);
  EXPECT_EQ(inputs["rows"][1][1], report["source"]);
  EXPECT_EQ(inputs["rows"][1][2], report["layer"]);
  EXPECT_EQ(inputs["rows"][1][3], report["crs"]);
  // The notes: the table titles and what reading found.
  const auto& notes = sheet(book, "说明");
  EXPECT_EQ(notes["rows"][0], nlohmann::json({"表", "说明"}));
}

TEST(XlsxCli, DriftMatchesJson) {
  const auto [report, book] = run_both({"drift", kSample, kSample, "--before-layer", "redline", "--after-layer",
                                       "redline_2024", "--key", "BSM", "--class-field", "HXLX"},
                                      test::work_dir("xlsx_drift") + "/drift.xlsx");
  const auto& summary = sheet(book, "总计");
  EXPECT_EQ(summary["freeze_panes"], "A2");
  EXPECT_EQ(summary["rows"][0][1], "面积 (公顷)");
  const std::pair<const char*, const char*> labels[] = {{"before", "变化前"}, {"after", "变化后"}, {"delta", "变化量"}};
  for (const auto& [key, label] : labels) {
    const nlohmann::json* row = row_of(summary, label);
    ASSERT_NE(row, nullptr) << key;
    ASSERT_TRUE((*row)[1].is_number()) << *row;
    EXPECT_NEAR((*row)[1].get<double>(), report[key].get<double>(), 1e-9) << key;
  }
  EXPECT_NEAR((*row_of(summary, "增加 (变化后 − 变化前)"))[1].get<double>(), report["gained"].get<double>(), 1e-9);
  EXPECT_NEAR((*row_of(summary, "减少 (变化前 − 变化后)"))[1].get<double>(), report["lost"].get<double>(), 1e-9);

  // Every changed feature, not only the first few the text lists.
  const auto& changes = sheet(book, "变化要素");
  EXPECT_EQ(changes["freeze_panes"], "A2");
  EXPECT_EQ(changes["rows"][0], nlohmann::json({"BSM", "变化", "变化前", "变化后", "变化量", "字段变化"}));
  ASSERT_EQ(changes["rows"].size(), report["changes"].size() + 1);
  for (std::size_t i = 0; i < report["changes"].size(); ++i) {
    const auto& c = report["changes"][i];
    const auto& row = changes["rows"][i + 1];
    EXPECT_EQ(row[0], c["key"]);
    EXPECT_EQ(row[1], c["change"]);
    if (c["before_fid"].is_null()) {
      EXPECT_TRUE(row[2].is_null()) << row;  // an added feature had no area before: an empty cell
    } else {
      EXPECT_NEAR(row[2].get<double>(), c["before"].get<double>(), 1e-9);
    }
    if (c["after_fid"].is_null()) {
      EXPECT_TRUE(row[3].is_null()) << row;
    } else {
      EXPECT_NEAR(row[3].get<double>(), c["after"].get<double>(), 1e-9);
    }
    EXPECT_NEAR(row[4].get<double>(), c["delta"].get<double>(), 1e-9);
  }
  const auto& inputs = sheet(book, "输入");
  ASSERT_EQ(inputs["rows"].size(), 3u);
  EXPECT_EQ(inputs["rows"][1], nlohmann::json({"before", report["before_source"], "redline", report["settings"]["crs"]}));
  EXPECT_EQ(inputs["rows"][2], nlohmann::json({"after", report["after_source"], "redline_2024", report["settings"]["crs"]}));
  const auto& reclass = sheet(book, "改类");
  ASSERT_EQ(reclass["rows"][0][2], "面积 (公顷)");
  std::size_t positive = 0;
  for (const auto& rc : report["reclassified"]) {
    if (rc["area"].get<double>() <= 0) continue;  // noise-only pairs are not rows (text and workbook alike)
    const auto& row = reclass["rows"][++positive];
    EXPECT_EQ(row[0], rc["from"]);
    EXPECT_EQ(row[1], rc["to"]);
    EXPECT_NEAR(row[2].get<double>(), rc["area"].get<double>(), 1e-9);
  }
  EXPECT_EQ(reclass["rows"].size(), positive + 1);
}

TEST(XlsxCli, CheckIndicatorsColouredAndMatchJson) {
  // The sample fails some indicators (exit 1): a result, written all the same.
  const auto [report, book] = run_both({"check", kRules}, test::work_dir("xlsx_check") + "/indicators.xlsx", 1);
  const auto& indicators = sheet(book, "指标");
  EXPECT_EQ(indicators["freeze_panes"], "A2");
  EXPECT_EQ(indicators["rows"][0],
            nlohmann::json({"序号", "指标", "数值", "比较", "阈值", "余量", "单位", "结论"}));
  ASSERT_EQ(indicators["rows"].size(), report["checks"].size() + 1);
  std::size_t green = 0, red = 0;
  for (std::size_t i = 0; i < report["checks"].size(); ++i) {
    const auto& c = report["checks"][i];
    const auto& row = indicators["rows"][i + 1];
    const auto& fill = indicators["fills"][i + 1];
    EXPECT_EQ(row[0].get<int>(), static_cast<int>(i + 1));
    EXPECT_EQ(row[1], c["name"]);
    ASSERT_TRUE(row[2].is_number() && row[4].is_number() && row[5].is_number()) << row;
    EXPECT_NEAR(row[2].get<double>(), c["value"].get<double>(), 1e-9);
    EXPECT_NEAR(row[4].get<double>(), c["threshold"].get<double>(), 1e-9);
    EXPECT_NEAR(row[5].get<double>(), c["margin"].get<double>(), 1e-9);
    if (c["passed"].get<bool>()) {
      EXPECT_EQ(row[7], "达标");
      EXPECT_EQ(fill[7], "C6EFCE");  // green
      ++green;
    } else {
      EXPECT_EQ(row[7], "未达标");
      EXPECT_EQ(fill[7], "FFC7CE");  // red
      ++red;
    }
    EXPECT_TRUE(fill[1].is_null()) << "only the result is coloured";
  }
  EXPECT_GT(green, 0u);
  EXPECT_GT(red, 0u);
}

// --output for the text formats: the same bytes stdout would get.
TEST(XlsxCli, OutputWritesWhatStdoutWould) {
  const std::string dir = test::work_dir("xlsx_output_text");
  for (const char* format : {"table", "json", "csv", "md"}) {
    const std::vector<std::string> base{"area", kSample, "--layer", "redline", "--by", "HXLX", "--format", format};
    const CliResult printed = run_on_sample(base);
    ASSERT_EQ(printed.exit_code, 0) << printed.err;
    std::vector<std::string> to_file = base;
    const std::string path = dir + "/area." + format;
    to_file.insert(to_file.end(), {"--output", path});
    const CliResult written = run_on_sample(to_file);
    ASSERT_EQ(written.exit_code, 0) << written.err;
    EXPECT_EQ(written.out, "") << format;
    EXPECT_EQ(test::read_file(path), printed.out) << format;
  }
  // check too (its own print path, with the rules file as an input).
  const CliResult printed = run_on_sample({"check", kRules, "--format", "md"});
  const CliResult written = run_on_sample({"check", kRules, "--format", "md", "-o", dir + "/check.md"});
  EXPECT_EQ(written.exit_code, printed.exit_code);
  EXPECT_EQ(test::read_file(dir + "/check.md"), printed.out);
}

// Nothing but the outputs asked for is left in `dir` (no temporary).
void expect_no_temporary(const std::string& dir) {
  for (const auto& e : fs::directory_iterator(dir)) {
    EXPECT_EQ(e.path().filename().string().find("redline-tmp"), std::string::npos) << e.path();
  }
}

TEST(XlsxCli, XlsxWithoutOutputIsAUsageError) {
  const CliResult r = run_on_sample({"area", kSample, "--layer", "redline", "--format", "xlsx"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(contains(r.err, "xlsx is a binary workbook: name the file with --output")) << r.err;
  EXPECT_EQ(test::errors_only(r.err).find('\n'), test::errors_only(r.err).size() - 1) << "one line";
}

TEST(XlsxCli, RefusesAnInputAsOutput) {
  const CliResult area = run_on_sample({"area", kSample, "--layer", "redline", "--format", "json", "-o", kSample});
  EXPECT_EQ(area.exit_code, 2);
  EXPECT_TRUE(contains(area.err, "is the input")) << area.err;
  // check: its rules file and the layers the rules read are inputs too.
  const CliResult rules = run_on_sample({"check", kRules, "--format", "md", "-o", kRules});
  EXPECT_EQ(rules.exit_code, 2);
  EXPECT_TRUE(contains(rules.err, "is the input")) << rules.err;
  expect_no_temporary(kSampleDir);
}

TEST(XlsxCli, RefusesSpecialFilesAndFolders) {
  const std::string dir = test::work_dir("xlsx_special");
  const std::string fifo = dir + "/pipe.xlsx";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  fs::create_directories(dir + "/folder.xlsx");
  for (const std::string& target : {std::string("/dev/null"), fifo, dir + "/folder.xlsx"}) {
    const CliResult r = run_on_sample({"area", kSample, "--layer", "redline", "--format", "csv", "-o", target});
    EXPECT_EQ(r.exit_code, 2) << target;
    EXPECT_TRUE(contains(r.err, "redline: error: " + target)) << r.err;
    EXPECT_EQ(test::errors_only(r.err).find('\n'), test::errors_only(r.err).size() - 1) << "one line";
  }
  // A workbook under another name would mislead whoever opens it.
  const CliResult named = run_on_sample({"area", kSample, "--layer", "redline", "--format", "xlsx", "-o", dir + "/a.csv"});
  EXPECT_EQ(named.exit_code, 2);
  EXPECT_TRUE(contains(named.err, "must end in .xlsx")) << named.err;
  EXPECT_FALSE(fs::exists(dir + "/a.csv"));
  expect_no_temporary(dir);
}

TEST(XlsxCli, UnwritableFolderIsAnOutputError) {
  const std::string dir = test::work_dir("xlsx_unwritable");
  const std::string locked = dir + "/locked";
  fs::create_directories(locked);
  ASSERT_EQ(::chmod(locked.c_str(), 0555), 0);
  const CliResult r =
      run_on_sample({"area", kSample, "--layer", "redline", "--format", "xlsx", "-o", locked + "/area.xlsx"});
  ::chmod(locked.c_str(), 0755);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_TRUE(contains(r.err, "read-only")) << r.err;
  EXPECT_TRUE(fs::is_empty(locked));
  const CliResult missing =
      run_on_sample({"area", kSample, "--layer", "redline", "--format", "json", "-o", dir + "/no/such/area.json"});
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_TRUE(contains(missing.err, "does not exist")) << missing.err;
}

TEST(XlsxCli, ReplacesAnExistingOutputWhole) {
  const std::string dir = test::work_dir("xlsx_replace");
  const std::string path = dir + "/area.json";
  {
    FILE* f = std::fopen(path.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs(std::string(100000, 'x').c_str(), f);
    std::fclose(f);
  }
  const CliResult r = run_on_sample({"area", kSample, "--layer", "redline", "--format", "json", "-o", path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(nlohmann::json::accept(test::read_file(path)));  // no tail of the old file
  expect_no_temporary(dir);
}

}  // namespace
}  // namespace redline
