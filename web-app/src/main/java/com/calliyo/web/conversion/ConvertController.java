package com.calliyo.web.conversion;

import java.util.LinkedHashMap;
import java.util.Map;

import com.calliyo.web.api.ApiException;
import com.calliyo.web.leads.Lead;
import com.calliyo.web.leads.LeadsApi;
import com.calliyo.web.leads.Status;
import com.calliyo.web.shared.FormProblem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Converting with the Order module on: the dialog offers the order; "Skip" converts without one. The lead is
 * converted first, then the order is saved with an Idempotency-Key, so sending the dialog again (after a timeout
 * or a refused GST rate) neither converts twice nor books two orders.
 */
@Controller
class ConvertController {

    private final LeadsApi leads;
    private final OrdersApi orders;

    ConvertController(LeadsApi leads, OrdersApi orders) {
        this.leads = leads;
        this.orders = orders;
    }

    @GetMapping("/leads/{id}/convert")
    String dialog(@PathVariable String id, Model model) {
        OrderSettings settings = orders.settings();
        return dialog(leads.get(id), settings, ConvertForm.blank(settings), model);
    }

    @PostMapping("/leads/{id}/convert")
    String convert(@PathVariable String id, ConvertForm form, @RequestParam(defaultValue = "order") String action,
                   Model model, HttpServletResponse response) {
        ConvertForm keyed = form.keyed();
        Lead lead = leads.get(id);
        if (!lead.isCustomer()) {
            Status customer = leads.statuses().stream().filter(Status::isCustomer).findFirst()
                    .orElseThrow(() -> new IllegalStateException("The pipeline has no Customer status"));
            lead = leads.changeStatus(id, customer.id());
        }
        if ("skip".equals(action)) {
            return "redirect:/customers/" + id + "?converted";
        }
        try {
            Order order = orders.create(id, keyed, keyed.idempotencyKey());
            model.addAttribute("lead", lead);
            model.addAttribute("order", order);
            return "conversion/converted";
        } catch (ApiException e) {
            FormProblem.render(e, model, response, "conversion/dialog");
            model.addAttribute("problem", besideTheDialogsFields((FormProblem) model.getAttribute("problem")));
            // A corrected dialog is a new request (new key); a retry after a timeout is the same one.
            return dialog(lead, orders.settings(), e.problem().isTemporary() ? keyed : keyed.withNewKey(), model);
        }
    }

    /**
     * The tax breakdown of what the dialog holds, from order-service, before anything is saved: htmx swaps it in as
     * the user types; without scripts the "Preview tax" button shows the whole dialog again with it.
     */
    @PostMapping("/leads/{id}/convert/preview")
    String preview(@PathVariable String id, ConvertForm form, Model model, HttpServletResponse response,
                   @RequestHeader(name = "HX-Request", required = false) String htmx) {
        try {
            model.addAttribute("preview", orders.previewTax(form));
        } catch (ApiException e) {
            if (e.status() >= 500 && !e.problem().isTemporary()) {
                throw e;
            }
            model.addAttribute("previewProblem", FormProblem.of(e.problem()));
        }
        if (htmx != null) {
            return "conversion/dialog :: preview";
        }
        return dialog(leads.get(id), orders.settings(), form.keyed(), model);
    }

    /** order-service names the GST fields {@code gst.customerGstin} and {@code gst.placeOfSupply}; the dialog's inputs
     * are named without the prefix. */
    private static FormProblem besideTheDialogsFields(FormProblem problem) {
        Map<String, String> fields = new LinkedHashMap<>();
        problem.fieldErrors().forEach((field, message) -> fields.put(
                field.equals("gst.customerGstin") || field.equals("gst.placeOfSupply") ? field.substring(4) : field,
                message));
        return new FormProblem(problem.status(), problem.message(), fields, problem.temporary(), problem.extras());
    }

    private static String dialog(Lead lead, OrderSettings settings, ConvertForm form, Model model) {
        model.addAttribute("lead", lead);
        model.addAttribute("settings", settings);
        model.addAttribute("form", form);
        model.addAttribute("paymentStatuses", ConvertForm.PAYMENT_STATUSES);
        return "conversion/dialog";
    }
}
