package com.calliyo.web.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** An emitter that keeps what would have gone to the browser, as the raw text of the stream. */
final class RecordingEmitter extends SseEmitter {

    final List<String> sent = new CopyOnWriteArrayList<>();
    boolean completed;

    @Override
    public void send(SseEventBuilder builder) {
        sent.add(builder.build().stream().map(part -> String.valueOf(part.getData()))
                .collect(Collectors.joining()));
    }

    @Override
    public void complete() {
        completed = true;
    }

    /** The event names sent, in order ("(comment)" for a comment-only message). */
    List<String> names() {
        return sent.stream().map(text -> text.startsWith("event:")
                ? text.substring("event:".length(), text.indexOf('\n')) : "(comment)").toList();
    }
}
