package clinic.smp.intake;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where the person came from. Only these fields are accepted (the utm_* names are kept as they appear in landing-page
 * URLs, so front ends can copy query parameters as they are).
 */
@Schema(name = "Attribution", description = "Optional marketing attribution: UTM parameters, referrer and landing page.")
public record AttributionRequest(
        @Size(max = 200) @SingleLine @Schema(pattern = Text.SINGLE_LINE, example = "instagram") String utm_source,
        @Size(max = 200) @SingleLine @Schema(pattern = Text.SINGLE_LINE, example = "paid_social") String utm_medium,
        @Size(max = 200) @SingleLine @Schema(pattern = Text.SINGLE_LINE, example = "smp-autumn") String utm_campaign,
        @Size(max = 200) @SingleLine @Schema(pattern = Text.SINGLE_LINE, example = "scalp micropigmentation") String utm_term,
        @Size(max = 200) @SingleLine @Schema(pattern = Text.SINGLE_LINE, example = "video-a") String utm_content,
        @Size(max = 2048) @SingleLine @Schema(pattern = Text.SINGLE_LINE, example = "https://www.google.com/") String referrer,
        @Size(max = 2048) @SingleLine @Schema(pattern = Text.SINGLE_LINE, example = "https://clinic.example/who-needs-smp") String landingPage) {
}
