package com.calliyo.web.shared;

import java.util.Map;

import com.calliyo.web.api.ApiException;
import com.calliyo.web.api.ApiProblem;
import com.calliyo.web.auth.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;

/**
 * An API problem as a form shows it: one sentence in the product's words above the form, each field error beside
 * its field, and for 503/504 a "try again" banner. The form is rendered again with what the user typed.
 *
 * @param temporary the request may simply be sent again (502, 503, 504)
 */
public record FormProblem(int status, String message, Map<String, String> fieldErrors, boolean temporary,
                          Map<String, String> extras) {

    public static FormProblem of(ApiProblem problem) {
        return new FormProblem(problem.status(), message(problem), problem.fieldErrors(), problem.isTemporary(),
                problem.extras());
    }

    /** Puts the problem on the model, answers with the API's status, and names the view to render again. */
    public static String render(ApiException e, Model model, HttpServletResponse response, String view) {
        FormProblem problem = of(e.problem());
        model.addAttribute("problem", problem);
        response.setStatus(e.status() >= 500 && !problem.temporary() ? 503 : e.status());
        return view;
    }

    public String fieldError(String field) {
        return fieldErrors.get(field);
    }

    public boolean hasFieldError(String field) {
        return fieldErrors.containsKey(field);
    }

    static String message(ApiProblem problem) {
        String detail = problem.detail();
        return switch (problem.status()) {
            case 403 -> "Your role (" + roleLabel() + ") cannot do this"
                    + (detail == null ? "." : ": " + detail);
            case 502, 503, 504 -> "The server did not answer this time. What you typed is kept: try again in a "
                    + "moment.";
            case 413 -> "The file is larger than 10 MB. Split it into smaller files and import each.";
            case 500 -> "Something went wrong on our side. What you typed is kept: try again.";
            default -> detail != null ? detail : problem.title();
        };
    }

    private static String roleLabel() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Viewer viewer
                ? viewer.roleLabel() : "signed out";
    }
}
