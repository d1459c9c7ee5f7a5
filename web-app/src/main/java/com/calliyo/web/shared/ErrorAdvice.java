package com.calliyo.web.shared;

import java.io.IOException;

import com.calliyo.web.api.ApiException;
import com.calliyo.web.auth.SessionExpiredException;
import com.calliyo.web.auth.SignInRedirect;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * API problems that no form handled become a page in the product's words (never a stack trace or a blank page);
 * a session that cannot be renewed goes to "Sign in" and comes back here afterwards.
 */
@ControllerAdvice
class ErrorAdvice {

    @ExceptionHandler(SessionExpiredException.class)
    void signInAgain(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SignInRedirect.send(request, response);
    }

    @ExceptionHandler(ApiException.class)
    String problem(ApiException e, HttpServletResponse response, Model model) {
        FormProblem problem = FormProblem.of(e.problem());
        model.addAttribute("problem", problem);
        model.addAttribute("notFound", e.status() == 404);
        response.setStatus(e.status() >= 500 && !problem.temporary() ? 503 : e.status());
        return "problem";
    }
}
