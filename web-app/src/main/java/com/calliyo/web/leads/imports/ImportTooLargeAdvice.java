package com.calliyo.web.leads.imports;

import java.util.Map;
import java.util.UUID;

import com.calliyo.web.api.ApiProblem;
import com.calliyo.web.auth.Viewer;
import com.calliyo.web.shared.FormProblem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A file over the 10 MB limit is refused while the request is read, before any controller: the import page comes
 * back with a 413 and the limit in words, instead of an error page.
 */
@ControllerAdvice
class ImportTooLargeAdvice {

    static final String TOO_LARGE = "The file is larger than 10 MB. Split it into smaller files and import each.";

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Model model, HttpServletResponse response) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        model.addAttribute("viewer", authentication != null && authentication.getPrincipal() instanceof Viewer viewer
                ? viewer : null);
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("problem", FormProblem.of(new ApiProblem(413, "Content too large", TOO_LARGE,
                Map.of("file", TOO_LARGE), Map.of())));
        response.setStatus(413);
        return ImportController.VIEW;
    }
}
