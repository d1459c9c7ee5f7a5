package com.calliyo.lead.status;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentPipelinesTest {

    private final AtomicLong nanos = new AtomicLong();
    private final RecentPipelines recent = new RecentPipelines(nanos::get);
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicReference<Pipeline> stored = new AtomicReference<>(Pipeline.initial("c-1"));

    @Test
    void shouldReadThePipelineOnceUntilThisInstanceWritesIt() {
        Pipeline first = recent.get("c-1", this::read);
        assertThat(recent.get("c-1", this::read)).isSameAs(first);
        assertThat(reads).hasValue(1);

        Pipeline renamed = Pipeline.initial("c-1");
        stored.set(renamed);
        recent.forget("c-1");

        assertThat(recent.get("c-1", this::read)).isSameAs(renamed);
        assertThat(reads).hasValue(2);
    }

    @Test
    void shouldReadAgainOnceTheTimeToLiveHasPassed() {
        Pipeline first = recent.get("c-1", this::read);
        Pipeline renamedElsewhere = Pipeline.initial("c-1");
        stored.set(renamedElsewhere);

        nanos.addAndGet(RecentPipelines.TIME_TO_LIVE.toNanos() - 1);
        assertThat(recent.get("c-1", this::read)).isSameAs(first);
        nanos.addAndGet(1);
        assertThat(recent.get("c-1", this::read)).isSameAs(renamedElsewhere);
        assertThat(reads).hasValue(2);
    }

    @Test
    void shouldNotKeepWhatItReadWhileThePipelineWasBeingWritten() {
        Pipeline before = stored.get();
        Pipeline written = Pipeline.initial("c-1");
        // The rename lands (and forgets the company) after the read began but before the read's answer is kept.
        Pipeline answered = recent.get("c-1", id -> {
            Pipeline read = read(id);
            stored.set(written);
            recent.forget(id);
            return read;
        });

        assertThat(answered).isSameAs(before);
        assertThat(recent.get("c-1", this::read)).isSameAs(written);
    }

    @Test
    void shouldNotRememberThatACompanyHasNoPipelineYet() {
        stored.set(null);
        assertThat(recent.get("c-1", this::read)).isNull();

        Pipeline seeded = Pipeline.initial("c-1");
        stored.set(seeded);
        assertThat(recent.get("c-1", this::read)).isSameAs(seeded);
    }

    private Pipeline read(String companyId) {
        reads.incrementAndGet();
        return stored.get();
    }
}
