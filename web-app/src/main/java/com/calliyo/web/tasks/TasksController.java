package com.calliyo.web.tasks;

import java.time.Instant;
import java.util.List;

import com.calliyo.web.api.GatewayApi;
import com.calliyo.web.api.Page;
import com.calliyo.web.leads.Lead;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Tasks: the signed-in user's queue (assigned leads that are not customers), overdue and due today first. */
@Controller
class TasksController {

    private final GatewayApi api;

    TasksController(GatewayApi api) {
        this.api = api;
    }

    record Task(Lead lead, Instant nextFollowUpAt, boolean dueToday, boolean overdue) {
    }

    @GetMapping("/tasks")
    String tasks(@RequestParam(defaultValue = "false") boolean dueToday, @RequestParam(defaultValue = "0") int page,
                 Model model) {
        Page<Task> tasks = api.get(uri -> uri.path("/api/tasks").queryParam("page", Math.max(0, page))
                .queryParam("size", 50).queryParamIfPresent("dueToday",
                        dueToday ? java.util.Optional.of(true) : java.util.Optional.empty()).build(),
                new ParameterizedTypeReference<Page<Task>>() { });
        List<Task> ordered = tasks.items().stream()
                .sorted(java.util.Comparator.comparing((Task task) -> !task.overdue())
                        .thenComparing(task -> !task.dueToday()))
                .toList();
        model.addAttribute("tasks", ordered);
        model.addAttribute("page", tasks);
        model.addAttribute("dueToday", dueToday);
        model.addAttribute("dueTodayCount", dueToday ? tasks.total() : dueTodayCount());
        return "tasks/tasks";
    }

    /** The "Due today" counter: the size of that filter's answer, one row asked for. */
    private long dueTodayCount() {
        return api.get(uri -> uri.path("/api/tasks").queryParam("dueToday", true).queryParam("size", 1).build(),
                new ParameterizedTypeReference<Page<Task>>() { }).total();
    }
}
