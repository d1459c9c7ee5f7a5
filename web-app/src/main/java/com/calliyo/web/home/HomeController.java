package com.calliyo.web.home;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.calliyo.web.api.GatewayApi;
import com.calliyo.web.api.Page;
import com.calliyo.web.auth.Viewer;
import com.calliyo.web.reports.Basis;
import com.calliyo.web.reports.Report;
import com.calliyo.web.reports.ReportChart;
import com.calliyo.web.reports.ReportPeriod;
import com.calliyo.web.reports.ReportsApi;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private static final ParameterizedTypeReference<Page<Map<String, Object>>> TASKS =
            new ParameterizedTypeReference<>() { };

    private final ReportsApi reports;
    private final GatewayApi api;

    HomeController(ReportsApi reports, GatewayApi api) {
        this.reports = reports;
        this.api = api;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal Viewer viewer) {
        return "redirect:" + viewer.landingPage();
    }

    /**
     * Admins' and managers' start page, in company time: each agent's calls today against the daily call target,
     * the follow-ups due today in the viewer's own queue, this month's conversions and leads, and the funnel.
     */
    @GetMapping("/dashboard")
    String dashboard(@AuthenticationPrincipal Viewer viewer, Model model) {
        if (viewer.isAgent()) {
            return "redirect:/tasks";
        }
        LocalDate today = reports.companyToday();
        ReportPeriod month = ReportPeriod.of("this-month", null, null, today);
        Report funnel = reports.read("funnel", null, month, Basis.CONVERSION);
        Report callsToday = reports.read("calls", "agent", ReportPeriod.of("today", null, null, today),
                Basis.CONVERSION);
        model.addAttribute("conversions", reports.read("conversions", null, month, Basis.CONVERSION));
        model.addAttribute("funnel", funnel);
        model.addAttribute("funnelChart", ReportChart.json(funnel, "leads"));
        model.addAttribute("calls", CallProgress.of(callsToday));
        model.addAttribute("dueToday", api.get(uri -> uri.path("/api/tasks").queryParam("dueToday", true)
                .queryParam("size", 1).build(), TASKS).total());
        return "home/dashboard";
    }

    /** One agent's calls today against their daily target, as a progress bar reads it. */
    record CallProgress(String agent, long attempts, long target, int percent) {

        static List<CallProgress> of(Report callsToday) {
            return callsToday.rows().stream().map(row -> {
                long attempts = number(row.get("attempts"));
                long target = number(row.get("dailyCallTarget"));
                int percent = target <= 0 ? 0 : (int) Math.min(100, attempts * 100 / target);
                Object label = row.get("label");
                return new CallProgress(label == null ? "Unassigned" : label.toString(), attempts, target, percent);
            }).toList();
        }

        private static long number(Object value) {
            return value instanceof Number number ? number.longValue() : 0;
        }
    }
}
