package clinic.smp.common.http;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import clinic.smp.common.problem.ProblemMappers;
import clinic.smp.common.problem.ProblemType;

/**
 * The problem documents of a key refused by a path permission (application.properties: quarkus.http.auth.permission,
 * e.g. /q/metrics), which Quarkus decides before any resource runs and would answer with an empty 401 or 403. The
 * operations' own refusals are ProblemMappers'; the wording is the same.
 */
@Singleton
public class AuthProblems {

    /** Answers 401 with the challenge and a problem document. */
    public static void unauthorized(RoutingContext ctx, String detail) {
        ctx.response().putHeader("WWW-Authenticate", ProblemMappers.API_KEY_CHALLENGE);
        HttpProblems.send(ctx, ProblemType.UNAUTHORIZED, detail);
    }

    void install(@Observes Router router) {
        router.route().order(BodyLimit.ORDER - 1).failureHandler(AuthProblems::refused);
    }

    private static void refused(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (ctx.response().headWritten()) {
            ctx.next();
        } else if (failure instanceof UnauthorizedException) {
            unauthorized(ctx, ProblemMappers.NO_API_KEY);
        } else if (failure instanceof AuthenticationFailedException) {
            unauthorized(ctx, ProblemMappers.INVALID_API_KEY);
        } else if (failure instanceof ForbiddenException) {
            HttpProblems.send(ctx, ProblemType.FORBIDDEN, ProblemMappers.ROLE_MISSING);
        } else {
            ctx.next();
        }
    }
}
