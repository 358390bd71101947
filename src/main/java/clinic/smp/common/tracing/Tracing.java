package clinic.smp.common.tracing;

import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;

/**
 * What the OpenTelemetry SDK records: a sampler that this service's configuration turns on ({@link TracingConfig}),
 * and the attributes that could name a person taken out of every span before it can be exported.
 *
 * <p>
 * With tracing off the sampler records nothing, but spans still get ids: a caller's traceparent keeps its trace id
 * through this service (logs, webhook calls), and a request without one gets a fresh trace id in its log lines.
 */
public class Tracing {

    /**
     * The HTTP instrumentation's attributes that may hold personal data: the query (?q=alex@example.com), the path of
     * an unmatched route, the client's address and its user agent. http.route (the template) stays.
     */
    static final List<AttributeKey<String>> PERSONAL = List.of(AttributeKey.stringKey("url.query"),
            AttributeKey.stringKey("url.full"), AttributeKey.stringKey("url.path"),
            AttributeKey.stringKey("client.address"), AttributeKey.stringKey("network.peer.address"),
            AttributeKey.stringKey("user_agent.original"), AttributeKey.stringKey("http.client_ip"),
            AttributeKey.stringKey("net.sock.peer.addr"), AttributeKey.stringKey("http.target"),
            AttributeKey.stringKey("http.url"));
    static final String REDACTED = "[redacted]";

    @Produces
    @Singleton
    Sampler sampler(TracingConfig config) {
        return config.enabled() ? Sampler.parentBased(Sampler.traceIdRatioBased(config.sampleRatio()))
                : Sampler.alwaysOff();
    }

    @Produces
    @Singleton
    SpanProcessor withoutPersonalData() {
        return new SpanProcessor() {
            @Override
            public void onStart(Context parent, ReadWriteSpan span) {
                redact(span);
            }

            @Override
            public boolean isStartRequired() {
                return true;
            }

            @Override
            public boolean isEndRequired() {
                return false;
            }

            @Override
            public void onEnd(ReadableSpan span) {
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
    }

    /** Overwrites the personal attributes the instrumentation set when it started the span. */
    static void redact(ReadWriteSpan span) {
        for (AttributeKey<String> key : PERSONAL) {
            if (span.getAttribute(key) != null) {
                span.setAttribute(key, REDACTED);
            }
        }
    }
}
