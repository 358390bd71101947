package clinic.smp.privacy.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ErasureReceipt", description = "The person's data is gone; CRMs see an ERASED tombstone in the change feed.", requiredProperties = {
        "leadId", "erasedAt" })
public record ErasureReceipt(@Schema(example = "0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10") UUID leadId,
        @Schema(example = "2026-11-24T10:00:00Z") Instant erasedAt) {
}
