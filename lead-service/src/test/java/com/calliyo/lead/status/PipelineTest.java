package com.calliyo.lead.status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.calliyo.lead.shared.StatusKind;
import com.calliyo.lead.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelineTest {

    private static final String COMPANY = "company-1";

    private final Pipeline defaults = Pipeline.initial(COMPANY);

    @Test
    void shouldStartWithTheTenDefaultStatusesInOrderWithThreeProtected() {
        assertThat(defaults.version()).isEqualTo(1);
        assertThat(defaults.statuses()).extracting(LeadStatus::name).containsExactly("Unassigned", "Assigned",
                "Followups", "Interested", "Not Interested", "Busy", "Not Picked", "Missed", "Wrong Number",
                "Customer");
        assertThat(defaults.statuses()).filteredOn(LeadStatus::protectedStatus).extracting(LeadStatus::kind)
                .containsExactly(StatusKind.UNASSIGNED, StatusKind.FOLLOWUPS, StatusKind.CUSTOMER);
        assertThat(defaults.statuses()).extracting(LeadStatus::position).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void shouldDeriveTheSameDefaultIdsForTheSameCompanyOnly() {
        assertThat(ids(Pipeline.initial(COMPANY))).isEqualTo(ids(defaults));
        assertThat(ids(Pipeline.initial("company-2"))).doesNotContainAnyElementsOf(ids(defaults));
    }

    @Test
    void shouldAppendAnAddedStatusLastAsAnUnprotectedOtherWithTheNameTrimmed() {
        Pipeline next = defaults.add("new-1", "   Demo   booked ");

        LeadStatus added = next.status("new-1");
        assertThat(next.version()).isEqualTo(2);
        assertThat(added.name()).isEqualTo("Demo booked");
        assertThat(added.kind()).isEqualTo(StatusKind.OTHER);
        assertThat(added.protectedStatus()).isFalse();
        assertThat(added.position()).isEqualTo(10);
        assertThat(next.statuses()).last().isEqualTo(added);
        assertThat(defaults.statuses()).hasSize(10);
    }

    @Test
    void shouldRefuseANameAnotherStatusHasIgnoringCase() {
        assertThatThrownBy(() -> defaults.add("new-1", "  BUSY "))
                .satisfies(e -> assertProblem(e, HttpStatus.CONFLICT, "name"))
                .hasMessageContaining("Busy");
        String interested = defaults.byName("Interested").orElseThrow().id();
        assertThatThrownBy(() -> defaults.rename(interested, "not interested"))
                .satisfies(e -> assertProblem(e, HttpStatus.CONFLICT, "name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void shouldRefuseABlankName(String blank) {
        assertThatThrownBy(() -> defaults.add("new-1", blank))
                .satisfies(e -> assertProblem(e, HttpStatus.BAD_REQUEST, "name"));
    }

    @Test
    void shouldRefuseAMissingNameANameOver50CharactersAndControlCharacters() {
        assertThatThrownBy(() -> defaults.add("new-1", null))
                .satisfies(e -> assertProblem(e, HttpStatus.BAD_REQUEST, "name"));
        assertThatThrownBy(() -> defaults.add("new-1", "x".repeat(51)))
                .satisfies(e -> assertProblem(e, HttpStatus.BAD_REQUEST, "name"))
                .hasMessageContaining("50");
        assertThatThrownBy(() -> defaults.add("new-1", "bad\u0000name"))
                .satisfies(e -> assertProblem(e, HttpStatus.BAD_REQUEST, "name"));
        assertThat(defaults.add("new-1", "  " + "x".repeat(50) + "  ").status("new-1").name()).hasSize(50);
    }

    @Test
    void shouldRenameInPlaceKeepingIdPositionAndKind() {
        LeadStatus busy = defaults.byName("Busy").orElseThrow();

        Pipeline next = defaults.rename(busy.id(), "Line busy");

        assertThat(next.status(busy.id())).isEqualTo(new LeadStatus(busy.id(), COMPANY, "Line busy",
                StatusKind.OTHER, false, busy.position()));
        assertThat(next.version()).isEqualTo(2);
        assertThat(next.byName("busy")).isEmpty();
    }

    @Test
    void shouldAllowChangingOnlyTheCaseOfANameAndChangeNothingForTheSameName() {
        LeadStatus busy = defaults.byName("Busy").orElseThrow();

        assertThat(defaults.rename(busy.id(), "BUSY").status(busy.id()).name()).isEqualTo("BUSY");
        assertThat(defaults.rename(busy.id(), " Busy ")).isSameAs(defaults);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Unassigned", "Followups", "Customer"})
    void shouldNeitherRenameNorDeleteAProtectedStatus(String name) {
        String id = defaults.byName(name).orElseThrow().id();

        assertThatThrownBy(() -> defaults.rename(id, "Something else"))
                .satisfies(e -> assertProblem(e, HttpStatus.CONFLICT, null))
                .hasMessageContaining("protected");
        assertThatThrownBy(() -> defaults.delete(id))
                .satisfies(e -> assertProblem(e, HttpStatus.CONFLICT, null))
                .hasMessageContaining("protected");
    }

    @Test
    void shouldDeleteAStatusAndCloseTheGap() {
        LeadStatus missed = defaults.byName("Missed").orElseThrow();

        Pipeline next = defaults.delete(missed.id());

        assertThat(next.byId(missed.id())).isEmpty();
        assertThat(next.statuses()).hasSize(9);
        assertThat(next.statuses()).extracting(LeadStatus::position).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(next.byName("Customer").orElseThrow().position()).isEqualTo(8);
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownOrForeignId() {
        String foreign = Pipeline.initial("company-2").byName("Busy").orElseThrow().id();

        assertThatThrownBy(() -> defaults.rename(foreign, "x")).satisfies(e -> assertProblem(e, HttpStatus.NOT_FOUND,
                null));
        assertThatThrownBy(() -> defaults.delete("nope")).satisfies(e -> assertProblem(e, HttpStatus.NOT_FOUND,
                null));
    }

    @Test
    void shouldReorderToTheFullNewOrder() {
        List<String> reversed = new ArrayList<>(ids(defaults));
        Collections.reverse(reversed);

        Pipeline next = defaults.reorder(reversed);

        assertThat(ids(next)).isEqualTo(reversed);
        assertThat(next.statuses().get(0).name()).isEqualTo("Customer");
        assertThat(next.statuses()).extracting(LeadStatus::position).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(next.version()).isEqualTo(2);
        assertThat(defaults.reorder(ids(defaults))).as("the same order changes nothing").isSameAs(defaults);
    }

    @Test
    void shouldRefuseAnOrderThatDoesNotListEveryIdExactlyOnce() {
        List<String> ids = ids(defaults);
        List<String> missingOne = ids.subList(1, ids.size());
        List<String> repeated = new ArrayList<>(ids);
        repeated.set(1, ids.get(0));
        List<String> withUnknown = new ArrayList<>(ids);
        withUnknown.add("nope");
        List<String> withNull = new ArrayList<>(ids);
        withNull.add(null);

        assertThatThrownBy(() -> defaults.reorder(missingOne))
                .satisfies(e -> assertProblem(e, HttpStatus.BAD_REQUEST, "ids")).hasMessageContaining("misses");
        assertThatThrownBy(() -> defaults.reorder(repeated))
                .satisfies(e -> assertProblem(e, HttpStatus.BAD_REQUEST, "ids"))
                .hasMessageContaining("more than once");
        assertThatThrownBy(() -> defaults.reorder(withUnknown))
                .satisfies(e -> assertProblem(e, HttpStatus.BAD_REQUEST, "ids"))
                .hasMessageContaining("nope, which is not a status of this company");
        assertThatThrownBy(() -> defaults.reorder(withNull))
                .satisfies(e -> assertProblem(e, HttpStatus.BAD_REQUEST, "ids"));
        assertThatThrownBy(() -> defaults.reorder(null))
                .satisfies(e -> assertProblem(e, HttpStatus.BAD_REQUEST, "ids"));
        assertThatThrownBy(() -> defaults.reorder(List.of()))
                .satisfies(e -> assertProblem(e, HttpStatus.BAD_REQUEST, "ids"));
    }

    @Test
    void shouldFindByIdOrByNameIgnoringCaseAndWhitespace() {
        LeadStatus notPicked = defaults.byName("Not Picked").orElseThrow();

        assertThat(defaults.byName("  not   PICKED ")).contains(notPicked);
        assertThat(defaults.byId(notPicked.id())).contains(notPicked);
        assertThat(defaults.byName("Picked")).isEmpty();
    }

    private static List<String> ids(Pipeline pipeline) {
        return pipeline.statuses().stream().map(LeadStatus::id).toList();
    }

    private static void assertProblem(Throwable e, HttpStatus status, String field) {
        assertThat(e).isInstanceOf(ApiException.class);
        ApiException problem = (ApiException) e;
        assertThat(problem.status()).isEqualTo(status);
        assertThat(problem.field()).isEqualTo(field);
    }
}
