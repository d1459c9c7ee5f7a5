package com.calliyo.lead.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The documents of one outbox that a relay thread of this instance is working on (claimed, sending, settling), so the
 * other thread leaves them alone: the interactive lane's thread and the bulk lane's thread serve the same documents
 * (a lead can be hinted in both lanes), and the store's lease cannot tell them apart on its own (same instance), nor
 * should it have to sort out a race it can avoid.
 * <p>
 * An id that meets a reservation is not dropped: it is remembered with the lane it came from and handed back when the
 * holder releases it, to be hinted again, because the holder sends only the events it read when it claimed the
 * document; an event written after that (the user's conversion behind an import's batch) would otherwise wait for the
 * next sweep.
 */
final class OutboxInFlight {

    private final Set<Object> held = new HashSet<>();
    private final Map<Object, WriteLane> waiting = new LinkedHashMap<>();

    /**
     * Reserves those of {@code ids} nobody holds (each once, in the order given) and returns them; the others are
     * remembered as waiting in {@code lane} (interactive wins when both lanes wait for one document).
     */
    synchronized List<Object> reserve(Collection<Object> ids, WriteLane lane) {
        Set<Object> reserved = new LinkedHashSet<>();
        for (Object id : ids) {
            if (reserved.contains(id)) {
                continue;
            }
            if (held.add(id)) {
                reserved.add(id);
            } else {
                waiting.merge(id, lane, (before, now) -> before == WriteLane.INTERACTIVE ? before : now);
            }
        }
        return new ArrayList<>(reserved);
    }

    /** Releases the reservations and returns, per lane, the ids that waited for them, to be hinted again. */
    synchronized Map<WriteLane, List<Object>> release(Collection<Object> reserved) {
        Map<WriteLane, List<Object>> rehint = new EnumMap<>(WriteLane.class);
        for (Object id : reserved) {
            held.remove(id);
            WriteLane lane = waiting.remove(id);
            if (lane != null) {
                rehint.computeIfAbsent(lane, l -> new ArrayList<>()).add(id);
            }
        }
        return rehint;
    }
}
