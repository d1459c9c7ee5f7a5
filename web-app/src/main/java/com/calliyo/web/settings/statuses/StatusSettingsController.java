package com.calliyo.web.settings.statuses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.calliyo.web.api.ApiException;
import com.calliyo.web.api.GatewayApi;
import com.calliyo.web.shared.FormProblem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pipeline (admins only): add, rename, delete and move statuses. Every change is a plain form that redirects
 * back; a refusal (a status in use, a protected one, a taken name) renders the list again with the API's reason,
 * beside the row it concerns.
 */
@Controller
@RequestMapping("/settings/statuses")
class StatusSettingsController {

    private static final String VIEW = "settings/statuses";

    private final GatewayApi api;

    StatusSettingsController(GatewayApi api) {
        this.api = api;
    }

    @GetMapping
    String list(Model model) {
        return page(model, null, "", null);
    }

    @PostMapping
    String add(@RequestParam(defaultValue = "") String name, Model model, HttpServletResponse response) {
        try {
            api.post("/api/settings/statuses", Map.of("name", name), Map.class, Map.of());
        } catch (ApiException e) {
            return refused(e, "new", name, model, response);
        }
        return "redirect:/settings/statuses?added";
    }

    @PostMapping("/{id}/rename")
    String rename(@PathVariable String id, @RequestParam(defaultValue = "") String name, Model model,
                  HttpServletResponse response) {
        try {
            api.patch("/api/settings/statuses/{id}", Map.of("name", name), Map.class, id);
        } catch (ApiException e) {
            return refused(e, id, name, model, response);
        }
        return "redirect:/settings/statuses?renamed";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable String id, Model model, HttpServletResponse response) {
        try {
            api.delete("/api/settings/statuses/{id}", id);
        } catch (ApiException e) {
            return refused(e, id, null, model, response);
        }
        return "redirect:/settings/statuses?deleted";
    }

    /** Move up or down by one place: the whole new order is sent, as the API wants every id once. */
    @PostMapping("/{id}/move")
    String move(@PathVariable String id, @RequestParam String direction, Model model,
                HttpServletResponse response) {
        List<String> ids = new ArrayList<>(statuses().stream().map(PipelineStatus::id).toList());
        int from = ids.indexOf(id);
        int to = "up".equals(direction) ? from - 1 : from + 1;
        if (from < 0 || to < 0 || to >= ids.size()) {
            return "redirect:/settings/statuses";
        }
        ids.set(from, ids.get(to));
        ids.set(to, id);
        try {
            api.put("/api/settings/statuses/order", Map.of("ids", ids), List.class);
        } catch (ApiException e) {
            return refused(e, id, null, model, response);
        }
        return "redirect:/settings/statuses?moved#status-" + id;
    }

    /**
     * The whole order at once, as a drag and drop on the page leaves it ({@code static/js/statuses.js}); the API
     * checks that every status is there once and says why not in its own words.
     */
    @PostMapping("/order")
    String reorder(@RequestParam(name = "ids", required = false) List<String> ids, Model model,
                   HttpServletResponse response) {
        try {
            api.put("/api/settings/statuses/order", Map.of("ids", ids == null ? List.of() : ids), List.class);
        } catch (ApiException e) {
            return refused(e, null, null, model, response);
        }
        return "redirect:/settings/statuses?moved";
    }

    private String refused(ApiException e, String rowId, String typed, Model model, HttpServletResponse response) {
        FormProblem.render(e, model, response, VIEW);
        return page(model, rowId, typed, (FormProblem) model.getAttribute("problem"));
    }

    private String page(Model model, String problemRow, String typed, FormProblem problem) {
        model.addAttribute("statuses", statuses());
        model.addAttribute("problemRow", problemRow);
        model.addAttribute("typed", typed == null ? "" : typed);
        model.addAttribute("problem", problem);
        return VIEW;
    }

    private List<PipelineStatus> statuses() {
        return api.get("/api/settings/statuses", new ParameterizedTypeReference<List<PipelineStatus>>() { });
    }
}
