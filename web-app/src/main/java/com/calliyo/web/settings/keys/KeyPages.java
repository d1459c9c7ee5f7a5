package com.calliyo.web.settings.keys;

import java.util.LinkedHashMap;
import java.util.Map;

import com.calliyo.web.api.ApiException;
import com.calliyo.web.shared.FormProblem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;

/** What the two key pages share: the token shown once (never cached), and problems on list fields. */
final class KeyPages {

    private KeyPages() {
    }

    /** The token is in this answer only: no cache may keep it, and no redirect may carry it in a URL. */
    static void showOnce(IssuedKey issued, Model model, HttpServletResponse response) {
        model.addAttribute("issued", issued);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** {@code scopes[2]} and {@code allowedDomains[0]} are shown beside the one field that holds the list. */
    static void problem(ApiException e, Model model, HttpServletResponse response) {
        FormProblem api = FormProblem.of(e.problem());
        Map<String, String> fields = new LinkedHashMap<>();
        api.fieldErrors().forEach((field, message) ->
                fields.merge(field.replaceAll("\\[\\d+]", ""), message, (a, b) -> a + "; " + b));
        model.addAttribute("problem", new FormProblem(api.status(), api.message(), fields, api.temporary(),
                api.extras()));
        response.setStatus(e.status() >= 500 && !api.temporary() ? 503 : e.status());
    }
}
