package clinic.smp.common.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/** Marks a public operation whose requests draw on the rate limits before anything else happens. */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface RateLimited {

    /** Name of the OpenAPI extension that documents the limit on an operation. */
    String OPENAPI_EXTENSION = "x-rate-limited";
    String OPENAPI_DESCRIPTION =
            "Per client address and for all clients together (token buckets shared by every instance); over a limit the answer is 429 with Retry-After.";
}
