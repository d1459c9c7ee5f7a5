package com.calliyo.web.reports;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Reports as tables: conversions by agent and source, the funnel, revenue and time to convert by agent. */
@Controller
class ReportsController {

    private final ReportsApi reports;

    ReportsController(ReportsApi reports) {
        this.reports = reports;
    }

    @GetMapping("/reports")
    String reports(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   Model model) {
        if (from == null && to == null) {
            LocalDate today = reports.companyToday();
            from = today.withDayOfMonth(1);
            to = today;
        }
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("byAgent", reports.report("conversions", "agent", from, to));
        model.addAttribute("bySource", reports.report("conversions", "source", from, to));
        model.addAttribute("funnel", reports.report("funnel", null, from, to));
        model.addAttribute("revenue", reports.report("revenue", "agent", from, to));
        model.addAttribute("timeToConvert", reports.report("time-to-convert", "agent", from, to));
        return "reports/reports";
    }
}
