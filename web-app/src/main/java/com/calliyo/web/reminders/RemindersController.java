package com.calliyo.web.reminders;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.calliyo.web.api.GatewayApi;
import com.calliyo.web.api.Page;
import com.calliyo.web.leads.Lead;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The follow-ups the signed-in user has due today (company time), for the page script that rings the reminders
 * at T − 5 min and T − 30 s, the same times as the Android app's alarms. Read from the user's own task queue, so
 * nobody is reminded of another agent's calls.
 */
@RestController
class RemindersController {

    private static final ParameterizedTypeReference<Page<Task>> TASKS = new ParameterizedTypeReference<>() { };

    private final GatewayApi api;

    RemindersController(GatewayApi api) {
        this.api = api;
    }

    @GetMapping("/reminders/today")
    List<Reminder> today() {
        Page<Task> tasks = api.get(uri -> uri.path("/api/tasks").queryParam("dueToday", true).queryParam("size", 100)
                .build(), TASKS);
        return tasks.items().stream()
                .flatMap(task -> task.followUps().stream()
                        .filter(followUp -> followUp.dueToday() && !followUp.resolved())
                        .map(followUp -> new Reminder(followUp.id(), task.lead().fullName(), followUp.scheduledAt(),
                                "/leads/" + task.lead().id())))
                .sorted(Comparator.comparing(Reminder::dueAt))
                .toList();
    }

    /** One follow-up to ring for: the lead's name is the notification's title, its page opens on a click. */
    record Reminder(String followUpId, String leadName, Instant dueAt, String url) {
    }

    record Task(Lead lead, List<FollowUp> followUps) {

        Task {
            followUps = followUps == null ? List.of() : followUps;
        }
    }

    record FollowUp(String id, Instant scheduledAt, boolean resolved, boolean dueToday) {
    }
}
