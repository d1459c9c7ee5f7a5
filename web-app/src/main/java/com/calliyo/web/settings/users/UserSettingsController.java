package com.calliyo.web.settings.users;

import com.calliyo.web.api.ApiException;
import com.calliyo.web.shared.FormProblem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The team (admins only): every user with role, lead cap, branch, department and ban; "Add user"; and one page per
 * user to change role, lead cap, branch, department or ban. An admin banning themself gets the API's 409 reason.
 * "Reset mPIN" per user gives an agent who forgot theirs a new one for the phone app.
 */
@Controller
@RequestMapping("/settings/users")
class UserSettingsController {

    private final UsersApi users;

    UserSettingsController(UsersApi users) {
        this.users = users;
    }

    @GetMapping
    String list(Model model) {
        return listPage(model, UserForm.blank());
    }

    @PostMapping("/add")
    String add(UserForm form, Model model, HttpServletResponse response) {
        try {
            users.create(form);
        } catch (ApiException e) {
            FormProblem.render(e, model, response, "settings/users");
            return listPage(model, form.withoutPassword());
        }
        return "redirect:/settings/users?added";
    }

    /**
     * "Reset mPIN": lead-service picks a new one and signs the user's phones out. The new mPIN is in this answer only
     * (no cache may keep it, no redirect may carry it in a URL), for the admin to pass on to the agent.
     */
    @PostMapping("/{id}/mpin-reset")
    String resetMpin(@PathVariable String id, Model model, HttpServletResponse response) {
        try {
            MpinReset reset = users.resetMpin(id);
            model.addAttribute("reset", reset);
            model.addAttribute("resetName", users.find(id).name());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        } catch (ApiException e) {
            // Above the list, not in "Add user" (which shows the page's "problem"): the refusal is the reset's.
            FormProblem problem = FormProblem.of(e.problem());
            model.addAttribute("resetProblem", problem);
            response.setStatus(e.status() >= 500 && !problem.temporary() ? 503 : e.status());
        }
        return listPage(model, UserForm.blank());
    }

    @GetMapping("/{id}")
    String edit(@PathVariable String id, Model model) {
        TeamUser user = users.find(id);
        return editPage(model, user, UserEdit.of(user));
    }

    @PostMapping("/{id}")
    String save(@PathVariable String id, UserEdit edit, Model model, HttpServletResponse response) {
        try {
            users.change(id, edit);
        } catch (ApiException e) {
            FormProblem.render(e, model, response, "settings/user");
            return editPage(model, users.find(id), edit);
        }
        return "redirect:/settings/users?saved";
    }

    private String listPage(Model model, UserForm form) {
        model.addAttribute("users", users.list());
        model.addAttribute("user", form);
        model.addAttribute("roles", UserForm.ROLES);
        return "settings/users";
    }

    private String editPage(Model model, TeamUser user, UserEdit edit) {
        model.addAttribute("member", user);
        model.addAttribute("edit", edit);
        model.addAttribute("roles", UserForm.ROLES);
        return "settings/user";
    }
}
