package com.calliyo.web.settings.orders;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.calliyo.web.api.ApiException;
import com.calliyo.web.api.GatewayApi;
import com.calliyo.web.conversion.OrderSettings;
import com.calliyo.web.conversion.OrdersApi;
import com.calliyo.web.shared.FormProblem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Order settings: the GST rates the order dialog offers (order-service's own setting), typed as one list. Whether
 * the Order module is on is part of the company's configuration, so this page only says so and links there.
 */
@Controller
@RequestMapping("/settings/orders")
class OrderSettingsController {

    private static final String VIEW = "settings/orders";

    private final OrdersApi orders;
    private final GatewayApi api;

    OrderSettingsController(OrdersApi orders, GatewayApi api) {
        this.orders = orders;
        this.api = api;
    }

    @GetMapping
    String show(Model model) {
        OrderSettings settings = orders.settings();
        return page(model, settings, String.join(", ", settings.gstRates()));
    }

    @PostMapping
    String save(@RequestParam(defaultValue = "") String gstRates, Model model, HttpServletResponse response) {
        List<String> rates = Arrays.stream(gstRates.split("[,;\\s]+")).map(rate -> rate.replace("%", "").trim())
                .filter(rate -> !rate.isEmpty()).toList();
        if (rates.stream().anyMatch(rate -> !rate.matches("\\d{1,3}(\\.\\d+)?"))) {
            // Not numbers at all: said here, since the API could only say its body was unreadable.
            model.addAttribute("problem", new FormProblem(400, "Nothing was saved: GST rates are numbers.",
                    Map.of("gstRates", "must be numbers such as 0, 5, 18"), false, Map.of()));
            response.setStatus(400);
            return page(model, orders.settings(), gstRates);
        }
        try {
            api.put("/api/orders/settings", Map.of("gstRates", rates), Map.class);
        } catch (ApiException e) {
            FormProblem.render(e, model, response, VIEW);
            return page(model, settingsIfAnswering(e), gstRates);
        }
        return "redirect:/settings/orders?saved";
    }

    /**
     * The page around a refusal shows the module and GSTIN again; when order-service did not answer the save, it is
     * not asked again (another wait of the whole time limit), and the page keeps the typed rates without them.
     */
    private OrderSettings settingsIfAnswering(ApiException refusal) {
        if (refusal.problem().isTemporary()) {
            return null;
        }
        try {
            return orders.settings();
        } catch (ApiException e) {
            return null;
        }
    }

    private String page(Model model, OrderSettings settings, String typed) {
        model.addAttribute("settings", settings);
        model.addAttribute("gstRates", typed);
        return VIEW;
    }
}
