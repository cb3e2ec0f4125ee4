#include "pipeline/bronze/receipt.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "core/lake_paths.h"
#include "storage/memory_store.h"

namespace uw::bronze {
namespace {

using spotify_export::ContentType;

FileEntry Landed(std::string name, uint64_t music, uint64_t rejected) {
  FileEntry f;
  f.name = std::move(name);
  f.status = FileStatus::kLanded;
  f.kind = "extended_audio";
  f.vintage = "B";
  f.bronze_key = "bronze/spotify_export/extended_audio/0123456789abcdef__" + f.name;
  f.sha256 = std::string(64, 'a');
  f.size_bytes = 1234;
  f.by_content_type[ContentType::kMusic] = music;
  f.rejected_records = rejected;
  f.records_total = music + rejected;
  f.first_end_ms = 1636983704000;
  f.last_end_ms = 1636983704123;
  f.records_by_month = {{"2021-11", music}};
  return f;
}

Receipt Sample() {
  Receipt r;
  r.id = "20261121T101500Z-abcdef";
  r.started_at_ms = 1763720100000;
  r.finished_at_ms = 1763720101500;
  r.lake = "memory://t";
  r.inputs = {"export.zip", "folder with \"quotes\""};
  r.files.push_back(Landed("export.zip!a.json", 10, 2));
  r.files.back().rejections = {{4, "\"ms_played\" is a string (\"123\"), expected an integer"}};
  FileEntry account = Landed("StreamingHistory_music_0.json", 3, 0);
  account.kind = "account_music";
  account.vintage = "split";
  account.naive_times = true;
  account.first_end_ms = int64_t{1714403940} * 1000;
  account.last_end_ms = int64_t{1714404120} * 1000;
  r.files.push_back(account);
  FileEntry bad;
  bad.name = "empty.json";
  bad.kind = "none";
  bad.message = "file is empty";
  r.files.push_back(bad);
  FileEntry pdf;
  pdf.name = "Read_Me_First.pdf";
  pdf.kind = "none";
  pdf.status = FileStatus::kIgnored;
  pdf.message = "a PDF document (ignored)";
  r.files.push_back(pdf);
  r.totals = ComputeTotals(r.files);
  return r;
}

TEST(Receipt, TotalsAddUpAndKeepTheInvariant) {
  const Receipt r = Sample();
  EXPECT_EQ(r.totals.files, 4u);
  EXPECT_EQ(r.totals.landed, 2u);
  EXPECT_EQ(r.totals.rejected, 1u);
  EXPECT_EQ(r.totals.ignored, 1u);
  EXPECT_EQ(r.totals.records_total, 15u);
  EXPECT_EQ(r.totals.by_content_type[ContentType::kMusic], 13u);
  EXPECT_EQ(r.totals.records_total, r.totals.by_content_type.Total() + r.totals.rejected_records);
  EXPECT_TRUE(r.totals.naive_times);
  EXPECT_EQ(r.totals.first_end_ms, 1636983704000);
}

TEST(Receipt, JsonRoundTrip) {
  const Receipt r = Sample();
  const std::string json = ReceiptToJson(r);
  EXPECT_NE(
      json.find(
          R"("first_end":"2024-04-29 15:19","last_end":"2024-04-29 15:22","time_note":"account times as written; zone undecided")"),
      std::string::npos);
  EXPECT_NE(json.find(R"("last_end":"2021-11-15T13:41:44.123Z")"), std::string::npos);
  const Receipt back = ReceiptFromJson(json);
  EXPECT_EQ(back.id, r.id);
  EXPECT_EQ(back.started_at_ms, r.started_at_ms);
  EXPECT_EQ(back.inputs, r.inputs);
  ASSERT_EQ(back.files.size(), r.files.size());
  for (size_t i = 0; i < r.files.size(); ++i) {
    const FileEntry &a = r.files[i], &b = back.files[i];
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.status, b.status);
    EXPECT_EQ(a.by_content_type, b.by_content_type);
    EXPECT_EQ(a.first_end_ms, b.first_end_ms);
    EXPECT_EQ(a.last_end_ms, b.last_end_ms);
    EXPECT_EQ(a.naive_times, b.naive_times);
    EXPECT_EQ(a.records_by_month, b.records_by_month);
    EXPECT_EQ(a.message, b.message);
    ASSERT_EQ(a.rejections.size(), b.rejections.size());
    for (size_t k = 0; k < a.rejections.size(); ++k) {
      EXPECT_EQ(a.rejections[k].reason, b.rejections[k].reason);
    }
  }
  EXPECT_EQ(ReceiptToJson(back), json);
}

TEST(Receipt, CorruptJsonIsAnError) {
  EXPECT_THROW(ReceiptFromJson("{"), Error);
  EXPECT_THROW(ReceiptFromJson(R"({"id":"x","files":[{"name":1}],"totals":{}})"), Error);
}

TEST(Receipt, ExitCodes) {
  Receipt r = Sample();
  EXPECT_EQ(ExitCodeFor(r), kExitPartial);
  r.files.erase(r.files.begin() + 2);  // the rejected file
  r.files[0].rejected_records = 0;
  r.files[0].records_total = 10;
  r.totals = ComputeTotals(r.files);
  EXPECT_EQ(ExitCodeFor(r), kExitOk);
  r.files[0].status = FileStatus::kAlreadyPresent;
  r.files[1].status = FileStatus::kAlreadyPresent;
  r.totals = ComputeTotals(r.files);
  EXPECT_EQ(ExitCodeFor(r), kExitOk);
  r.files.erase(r.files.begin(), r.files.begin() + 2);  // only the PDF is left
  r.totals = ComputeTotals(r.files);
  EXPECT_EQ(ExitCodeFor(r), kExitFailure);
}

TEST(Receipt, TextNamesEveryProblem) {
  const std::string text = ReceiptToText(Sample());
  EXPECT_NE(
      text.find(
          "export.zip!a.json: record 4: \"ms_played\" is a string (\"123\"), expected an integer"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("export.zip!a.json: 1 more rejected records"), std::string::npos) << text;
  EXPECT_NE(text.find("empty.json: file is empty"), std::string::npos) << text;
  EXPECT_NE(text.find("Read_Me_First.pdf: a PDF document (ignored)"), std::string::npos) << text;
  EXPECT_NE(text.find("Files: 4 (2 landed, 0 already in bronze, 1 rejected, 1 ignored)"),
            std::string::npos)
      << text;
  EXPECT_NE(
      text.find(
          "Records: 15 (13 music, 0 podcast, 0 audiobook, 0 video, 0 unidentifiable, 2 rejected)"),
      std::string::npos)
      << text;
}

TEST(Receipt, LoadReceiptsInIdOrder) {
  storage::MemoryStore lake("receipts-test");
  Receipt a = Sample(), b = Sample();
  b.id = "20250101T000000Z-000001";
  lake.Put(lake::Receipt(a.id), ReceiptToJson(a));
  lake.Put(lake::Receipt(b.id), ReceiptToJson(b));
  const auto receipts = LoadReceipts(lake);
  ASSERT_EQ(receipts.size(), 2u);
  EXPECT_EQ(receipts[0].id, b.id);
  EXPECT_EQ(receipts[1].id, a.id);
  lake.Put(lake::Receipt("zzz"), "not json");
  EXPECT_THROW(LoadReceipts(lake), Error);
}

TEST(Receipt, IdsSortByTime) {
  const std::string early = NewReceiptId(1700000000000), late = NewReceiptId(1800000000000);
  EXPECT_EQ(early.substr(0, 17), "20231114T221320Z-");
  EXPECT_EQ(early.size(), 23u);
  EXPECT_LT(early, late);
}

}  // namespace
}  // namespace uw::bronze
