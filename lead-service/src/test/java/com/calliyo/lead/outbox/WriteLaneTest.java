package com.calliyo.lead.outbox;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriteLaneTest {

    @Test
    void shouldBeInteractiveOutsideBulkWork() {
        assertThat(WriteLane.current()).isEqualTo(WriteLane.INTERACTIVE);
    }

    @Test
    void shouldBeBulkInsideBulkWorkAndInteractiveAgainAfterIt() {
        assertThat(WriteLane.bulk(WriteLane::current)).isEqualTo(WriteLane.BULK);
        assertThat(WriteLane.current()).isEqualTo(WriteLane.INTERACTIVE);
    }

    @Test
    void shouldRestoreTheLaneWhenBulkWorkFails() {
        assertThatThrownBy(() -> WriteLane.bulk(() -> {
            throw new IllegalStateException("store away");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(WriteLane.current()).isEqualTo(WriteLane.INTERACTIVE);
    }

    @Test
    void shouldKeepBulkWhenNested() {
        WriteLane afterInner = WriteLane.bulk(() -> {
            WriteLane.bulk(WriteLane::current);
            return WriteLane.current();
        });
        assertThat(afterInner).isEqualTo(WriteLane.BULK);
    }
}
