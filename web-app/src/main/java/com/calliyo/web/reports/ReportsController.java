package com.calliyo.web.reports;

import java.time.LocalDate;
import java.util.Map;

import com.calliyo.web.auth.Viewer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reports: conversion rate by agent, source, tag or campaign; time to convert; revenue booked and collected per
 * agent; the funnel; calls per agent per day against the target; attendance per agent per day (not for agents). One period (a preset or a custom range, in company
 * time) and one basis for the whole page; a chart beside the conversions and the funnel; each report as CSV.
 */
@Controller
class ReportsController {

    private final ReportsApi reports;

    ReportsController(ReportsApi reports) {
        this.reports = reports;
    }

    @GetMapping("/reports")
    String reports(@RequestParam(required = false) String preset,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   @RequestParam(required = false) String basis,
                   @RequestParam(name = "by", required = false) String by,
                   @ModelAttribute("viewer") Viewer viewer,
                   Model model) {
        ReportPeriod period = ReportPeriod.of(preset, from, to, reports.companyToday());
        Basis chosenBasis = Basis.ofParam(basis);
        String group = ReportKind.CONVERSIONS.groupOrDefault(by);
        Report conversions = reports.read(ReportKind.CONVERSIONS.path(), group, period, chosenBasis);
        Report funnel = reports.read(ReportKind.FUNNEL.path(), null, period, chosenBasis);

        model.addAttribute("period", period);
        model.addAttribute("presets", ReportPeriod.Preset.values());
        model.addAttribute("basis", chosenBasis);
        model.addAttribute("bases", Basis.values());
        model.addAttribute("group", group);
        model.addAttribute("groups", ReportKind.CONVERSIONS.groups());
        model.addAttribute("kinds", Map.of("conversions", ReportKind.CONVERSIONS,
                "timeToConvert", ReportKind.TIME_TO_CONVERT, "revenue", ReportKind.REVENUE,
                "funnel", ReportKind.FUNNEL, "calls", ReportKind.CALLS));
        model.addAttribute("conversions", conversions);
        model.addAttribute("timeToConvert",
                reports.read(ReportKind.TIME_TO_CONVERT.path(), group, period, chosenBasis));
        model.addAttribute("revenue", reports.read(ReportKind.REVENUE.path(), "agent", period, chosenBasis));
        model.addAttribute("funnel", funnel);
        model.addAttribute("calls", reports.read(ReportKind.CALLS.path(), "agent", period, chosenBasis));
        model.addAttribute("conversionsChart", ReportChart.json(conversions, "conversions"));
        model.addAttribute("funnelChart", ReportChart.json(funnel, "leads"));
        model.addAttribute("query", query(period, chosenBasis, group));
        // Attendance is for those who review it: lead-service refuses agents.
        model.addAttribute("attendance", viewer != null && !viewer.isAgent() ? reports.attendance(period) : null);
        return "reports/reports";
    }

    @GetMapping("/reports/export/{report}.csv")
    ResponseEntity<String> csv(@PathVariable String report,
                               @RequestParam(required = false) String preset,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                               LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                               LocalDate to,
                               @RequestParam(required = false) String basis,
                               @RequestParam(name = "by", required = false) String by) {
        ReportKind kind = ReportKind.ofPath(report).orElseThrow(() -> new ResponseStatusException(
                org.springframework.http.HttpStatus.NOT_FOUND, "No such report"));
        ReportPeriod period = ReportPeriod.of(preset, from, to, reports.companyToday());
        String group = kind.groupOrDefault(by);
        Report figures = reports.read(kind.path(), group, period, Basis.ofParam(basis));
        String file = kind.path() + (group == null ? "" : "-by-" + group)
                + (period.from() == null ? "" : "-" + period.from()) + (period.to() == null ? "" : "-" + period.to())
                + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .body(ReportCsv.write(kind, figures));
    }

    /** The page's choices as a query string, for the CSV links and the grouping links. */
    private static String query(ReportPeriod period, Basis basis, String group) {
        StringBuilder query = new StringBuilder("preset=").append(period.preset().param());
        if (period.preset() == ReportPeriod.Preset.CUSTOM) {
            if (period.from() != null) {
                query.append("&from=").append(period.from());
            }
            if (period.to() != null) {
                query.append("&to=").append(period.to());
            }
        }
        return query.append("&basis=").append(basis.param()).append("&by=").append(group).toString();
    }
}
