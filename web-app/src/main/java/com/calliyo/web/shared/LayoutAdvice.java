package com.calliyo.web.shared;

import com.calliyo.web.auth.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: who is signed in (for the navigation) and which page is open. */
@ControllerAdvice
class LayoutAdvice {

    @ModelAttribute("viewer")
    Viewer viewer() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Viewer viewer ? viewer : null;
    }

    @ModelAttribute("section")
    String section(HttpServletRequest request) {
        String path = request.getRequestURI();
        int end = path.indexOf('/', 1);
        return end < 0 ? path.substring(1) : path.substring(1, end);
    }
}
