package com.calliyo.lead.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.caller.Role;
import com.calliyo.lead.lead.domain.Leads;
import com.calliyo.lead.shared.OutboxEntry;
import com.calliyo.lead.web.ApiException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockito.ArgumentCaptor;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The compare-and-set loop, the admin check and the in-use check, with the store faked. */
class StatusSettingsTest {

    private static final String COMPANY = "company-1";
    private static final Caller ADMIN = new Caller(COMPANY, "admin-1", Role.ADMIN);
    private static final Instant NOW = Instant.parse("2026-05-02T12:00:00Z");

    private final StatusCatalog catalog = mock(StatusCatalog.class);
    private final MongoPipelines pipelines = mock(MongoPipelines.class);
    private final PipelineEvents events = mock(PipelineEvents.class);
    private final Leads leads = mock(Leads.class);
    private final StatusSettings settings = new StatusSettings(catalog, pipelines, events, leads,
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final Pipeline defaults = Pipeline.initial(COMPANY);

    @BeforeEach
    void eventsAreOpaque() {
        when(events.statusesChanged(any(), anyString(), any()))
                .thenAnswer(call -> new OutboxEntry("e", "t", NOW, "v" + ((Pipeline) call.getArgument(0)).version()));
    }

    @Test
    void shouldReapplyTheChangeOnTheNewerPipelineWhenAnotherAdminWonTheRace() {
        Pipeline othersWin = defaults.add("other", "Demo booked");
        when(catalog.load(COMPANY)).thenReturn(defaults, othersWin);
        when(pipelines.update(any(), eq(1L), any())).thenReturn(false);
        when(pipelines.update(any(), eq(2L), any())).thenReturn(true);

        LeadStatus added = settings.add(ADMIN, "Callback later");

        ArgumentCaptor<Pipeline> stored = ArgumentCaptor.forClass(Pipeline.class);
        verify(pipelines, times(2)).update(stored.capture(), anyLong(), any());
        Pipeline last = stored.getValue();
        assertThat(last.version()).isEqualTo(3);
        assertThat(last.statuses()).extracting(LeadStatus::name).endsWith("Demo booked", "Callback later");
        assertThat(added.position()).isEqualTo(11);
        verify(events).statusesChanged(last, "admin-1", NOW);
    }

    @Test
    void shouldGiveUpWithConflictWhenThePipelineKeepsChanging() {
        when(catalog.load(COMPANY)).thenReturn(defaults);
        when(pipelines.update(any(), anyLong(), any())).thenReturn(false);

        assertThatThrownBy(() -> settings.add(ADMIN, "Callback later"))
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(HttpStatus.CONFLICT))
                .hasMessageContaining("try again");
        verify(pipelines, times(StatusSettings.ATTEMPTS)).update(any(), anyLong(), any());
    }

    @Test
    void shouldWriteNothingWhenTheChangeChangesNothing() {
        when(catalog.load(COMPANY)).thenReturn(defaults);
        List<String> sameOrder = defaults.statuses().stream().map(LeadStatus::id).toList();

        assertThat(settings.reorder(ADMIN, sameOrder)).isEqualTo(defaults.statuses());
        verify(pipelines, never()).update(any(), anyLong(), any());
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"MANAGER", "AGENT"})
    void shouldForbidEveryChangeToAnyoneButAnAdmin(Role role) {
        Caller caller = new Caller(COMPANY, "user-1", role);
        String busy = defaults.byName("Busy").orElseThrow().id();

        assertForbidden(() -> settings.add(caller, "x"));
        assertForbidden(() -> settings.rename(caller, busy, "x"));
        assertForbidden(() -> settings.delete(caller, busy));
        assertForbidden(() -> settings.reorder(caller, List.of()));
        assertForbidden(() -> settings.add(Caller.apiKey(COMPANY, "key-1"), "x"));
        verifyNoInteractions(pipelines, leads);
    }

    @Test
    void shouldRefuseToDeleteAStatusLeadsStillUseSayingHowMany() {
        when(catalog.load(COMPANY)).thenReturn(defaults);
        LeadStatus busy = defaults.byName("Busy").orElseThrow();
        when(leads.countInStatus(COMPANY, busy.id())).thenReturn(3L);

        assertThatThrownBy(() -> settings.delete(ADMIN, busy.id()))
                .satisfies(e -> {
                    ApiException problem = (ApiException) e;
                    assertThat(problem.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(problem.properties()).containsEntry("leadCount", 3L);
                })
                .hasMessageContaining("used by 3 leads");
        verify(pipelines, never()).update(any(), anyLong(), any());
    }

    @Test
    void shouldDeleteAStatusNoLeadUses() {
        when(catalog.load(COMPANY)).thenReturn(defaults);
        when(pipelines.update(any(), eq(1L), any())).thenReturn(true);
        LeadStatus busy = defaults.byName("Busy").orElseThrow();

        settings.delete(ADMIN, busy.id());

        ArgumentCaptor<Pipeline> stored = ArgumentCaptor.forClass(Pipeline.class);
        verify(pipelines).update(stored.capture(), eq(1L), any());
        assertThat(stored.getValue().byId(busy.id())).isEmpty();
    }

    private static void assertForbidden(Runnable call) {
        assertThatThrownBy(call::run)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(HttpStatus.FORBIDDEN));
    }
}
