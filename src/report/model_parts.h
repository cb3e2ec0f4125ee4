// Internal to the report model: the calendar helpers and one function per group of sections,
// each filling its part of ReportModel from ReportData (report_model.cpp calls them in order).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "report/report_model.h"

namespace uw::report::detail {

// Months since year 0 of a local date (year * 12 + month - 1), and its "YYYY-MM" label.
int32_t MonthIndex(int32_t day);
std::string MonthLabel(int32_t month_index);
// The first day of the month `months` before the month of `day`, keeping the day of month where
// it exists (clamped to the month's end).
int32_t MonthsBefore(int32_t day, int months);
int YearOf(int32_t day);

// Every month from the first to the last play: labels and a zero-filled value per month.
MonthSeries MonthAxis(int32_t first_date, int32_t last_date);

// Indices sorted by `key` descending, ties by `tie` descending then index; at most `n`.
std::vector<int32_t> TopIndices(const std::vector<int64_t>& key, const std::vector<int64_t>& tie,
                                size_t n);

// The label of values that are null in the data (a play without a platform, an end reason, …).
inline constexpr const char* kNotRecorded = "not recorded";

// Sum of `weights` (nullptr: 1 per row) per dictionary value, most first; nulls as kNotRecorded.
std::vector<std::pair<std::string, int64_t>> SumsBy(const Dictionary& dict,
                                                    const std::vector<int32_t>& codes,
                                                    const std::vector<int64_t>* weights);

// Music sections by file: listening (overview, top lists, taste), habits (skips, completion,
// week, heatmap, sessions), history (mood, discoveries, forgotten, podcasts, platforms, coverage).
void ComputeOverview(const ReportData& data, ReportModel& model);
void ComputeTopLists(const ReportData& data, const ModelOptions& options, ReportModel& model);
void ComputeTaste(const ReportData& data, const ModelOptions& options, ReportModel& model);
void ComputeSkipsAndCompletion(const ReportData& data, const ModelOptions& options,
                               ReportModel& model);
void ComputeWeekAndHeatmap(const ReportData& data, ReportModel& model);
void ComputeSessions(const ReportData& data, ReportModel& model);
void ComputeMood(const ReportData& data, ReportModel& model);
void ComputeDiscoveries(const ReportData& data, const ModelOptions& options, ReportModel& model);
void ComputePodcasts(const ReportData& data, const ModelOptions& options, ReportModel& model);
void ComputePlatformsAndCoverage(const ReportData& data, ReportModel& model);

}  // namespace uw::report::detail
