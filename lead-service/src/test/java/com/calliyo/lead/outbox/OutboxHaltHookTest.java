package com.calliyo.lead.outbox;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The test-only halt hook: inert without a value, halts on exactly the n-th pass of its own point, refuses typos. */
class OutboxHaltHookTest {

    @Test
    void shouldBeInertWithoutAValue() {
        assertThat(OutboxHaltHook.parse(null)).isNull();
        assertThat(OutboxHaltHook.parse(" ")).isNull();
    }

    @Test
    void shouldHaltOnTheNthPassOfItsOwnPointOnly() {
        OutboxHaltHook hook = OutboxHaltHook.parse("before-ack:3");

        assertThat(hook.halts(OutboxHaltHook.Point.AFTER_WRITE)).isFalse();
        assertThat(hook.halts(OutboxHaltHook.Point.BEFORE_ACK)).isFalse();
        assertThat(hook.halts(OutboxHaltHook.Point.AFTER_ACK)).isFalse();
        assertThat(hook.halts(OutboxHaltHook.Point.BEFORE_ACK)).isFalse();
        assertThat(hook.halts(OutboxHaltHook.Point.BEFORE_ACK)).isTrue();
        assertThat(hook.halts(OutboxHaltHook.Point.BEFORE_ACK)).isFalse();
    }

    @Test
    void shouldRefuseAValueThatNamesNoPointOrPass() {
        assertThatThrownBy(() -> OutboxHaltHook.parse("after-send:3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("after-write|before-ack|after-ack");
        assertThatThrownBy(() -> OutboxHaltHook.parse("after-ack:0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutboxHaltHook.parse("after-ack")).isInstanceOf(IllegalArgumentException.class);
    }
}
