package com.calliyo.web.home;

import java.time.LocalDate;

import com.calliyo.web.auth.Viewer;
import com.calliyo.web.reports.ReportsApi;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final ReportsApi reports;

    HomeController(ReportsApi reports) {
        this.reports = reports;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal Viewer viewer) {
        return "redirect:" + viewer.landingPage();
    }

    /** Admins' and managers' start page: this month's conversions and the funnel. */
    @GetMapping("/dashboard")
    String dashboard(@AuthenticationPrincipal Viewer viewer, Model model) {
        if (viewer.isAgent()) {
            return "redirect:/tasks";
        }
        LocalDate today = reports.companyToday();
        model.addAttribute("conversions", reports.report("conversions", null, today.withDayOfMonth(1), today));
        model.addAttribute("funnel", reports.report("funnel", null, null, null));
        return "home/dashboard";
    }
}
