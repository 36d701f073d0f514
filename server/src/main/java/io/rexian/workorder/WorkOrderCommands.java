package io.rexian.workorder;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** Inputs of the work-order actions, shared by the pages and the REST API. */
public final class WorkOrderCommands {

    private WorkOrderCommands() {
    }

    /**
     * Registration. A customer is referenced by id plus a snapshot of name, phone and address
     * so the work order stays readable whatever happens to the customer record.
     *
     * @param transferToTeam transfer right away to this team (optional)
     */
    public record Register(
            @NotBlank String typeCode,
            @NotBlank @Pattern(regexp = "LOW|NORMAL|HIGH|URGENT") String priority,
            @NotBlank @Pattern(regexp = "PHONE|PORTAL|WECHAT|WALK_IN|FIELD") String channel,
            Long customerId,
            @Size(max = 200) String customerName,
            @Size(max = 40) String customerClass,
            @NotBlank @Pattern(regexp = "[0-9+\\- ]{5,20}") String contactPhone,
            @Size(max = 300) String address,
            Long categoryId,
            @NotBlank @Size(max = 4000) String description,
            @Size(max = 100) String callRef,
            Map<String, Object> customFields,
            Long transferToTeam,
            @Size(max = 1000) String transferReason) {
    }

    /** @param version the version the user saw; a newer one means someone else acted first (409) */
    public record Transfer(Long version, @NotNull Long teamId, @Size(max = 1000) String reason) {
    }

    public record Accept(Long version) {
    }

    public record Progress(Long version, @NotNull ProgressStep step, @Size(max = 2000) String note) {
    }

    public record Note(Long version, @Size(max = 4000) String note) {
    }

    public record Callback(Long version, @NotBlank @Pattern(regexp = "SATISFIED|BASICALLY_SATISFIED|UNSATISFIED|UNREACHABLE") String result,
                           @Size(max = 2000) String note, boolean reopen) {
    }
}
