package com.calliyo.lead.task;

import java.time.Instant;
import java.util.List;

import com.calliyo.lead.activity.FollowUpResponse;
import com.calliyo.lead.caller.CallerResolver;
import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.shared.LeadStatusRef;
import com.calliyo.lead.web.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TaskController {

    private final TaskQueue queue;
    private final CallerResolver callers;

    TaskController(TaskQueue queue, CallerResolver callers) {
        this.queue = queue;
        this.callers = callers;
    }

    record TaskLead(String id, String firstName, String lastName, String phone, String email, List<String> tags,
                    LeadStatusRef status, String assignedTo, Instant createdAt, long version) {

        static TaskLead of(Lead lead) {
            return new TaskLead(lead.id(), lead.firstName(), lead.lastName(), lead.phone(), lead.email(),
                    lead.tags(), lead.status(), lead.assignedTo(), lead.createdAt(), lead.version());
        }
    }

    record TaskResponse(TaskLead lead, List<FollowUpResponse> followUps, Instant nextFollowUpAt, boolean dueToday,
                        boolean overdue) {
    }

    /** {@code agentId}: an agent's queue, for admins and managers; {@code dueToday=true}: only leads due today. */
    @GetMapping("/api/tasks")
    Page<TaskResponse> tasks(@RequestParam(required = false) String agentId,
                             @RequestParam(defaultValue = "false") boolean dueToday,
                             @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                             @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        TaskQueue.Queue found = queue.queue(callers.current(), agentId == null || agentId.isBlank() ? null
                : agentId.trim(), dueToday, page, size);
        return new Page<>(found.tasks().items().stream().map(task -> new TaskResponse(TaskLead.of(task.lead()),
                task.openFollowUps().stream()
                        .map(f -> FollowUpResponse.of(task.lead().id(), f, found.zone(), found.now())).toList(),
                task.nextFollowUpAt(), task.dueToday(), task.overdue())).toList(),
                page, size, found.tasks().total());
    }
}
