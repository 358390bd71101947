package clinic.smp.webhook.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RotatedWebhookSecret", description = "The new signing secret, shown once. Until previousSecretExpiresAt every call carries two signatures, one per secret, so the receiver can switch at any time in between.")
public record RotatedSecret(
        @Schema(required = true, example = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD6ROp6/9iqF0=") String secret,
        @Schema(required = true, example = "2026-11-25T08:00:00Z") Instant previousSecretExpiresAt) {
}
