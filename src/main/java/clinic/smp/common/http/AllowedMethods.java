package clinic.smp.common.http;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import io.quarkus.arc.Arc;

/**
 * Which HTTP methods the resources accept on a path, for the {@code Allow} header that a 405 must carry (RFC 9110),
 * what an operation produces, for the detail of a 406, and the route template of a path, for log lines that must not
 * quote the path itself; the REST layer says none of these once it has refused a request. Built once, from the
 * resources' JAX-RS annotations.
 */
@Singleton
public class AllowedMethods {

    private record Route(Pattern path, String template, String method, List<String> produces) {
    }

    private volatile List<Route> routes;

    public Set<String> on(String path) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes()) {
            if (route.path().matcher(path).matches()) {
                allowed.add(route.method());
                if (route.method().equals(HttpMethod.GET)) {
                    allowed.add(HttpMethod.HEAD);
                }
            }
        }
        if (!allowed.isEmpty()) {
            allowed.add(HttpMethod.OPTIONS);
        }
        return allowed;
    }

    /**
     * The media types that the operation at {@code method} and {@code path} produces (its {@code @Produces}, or its
     * class's); empty when no operation matches or it declares none.
     */
    public List<String> producedBy(String method, String path) {
        String verb = HttpMethod.HEAD.equals(method) ? HttpMethod.GET : method;
        for (Route route : routes()) {
            if (route.method().equals(verb) && route.path().matcher(path).matches() && !route.produces().isEmpty()) {
                return route.produces();
            }
        }
        return List.of();
    }

    /** The route template that {@code path} matches, such as {@code /api/v1/leads/{id}}, or null for none. */
    public String templateOf(String path) {
        for (Route route : routes()) {
            if (route.path().matcher(path).matches()) {
                return route.template();
            }
        }
        return null;
    }

    private List<Route> routes() {
        if (routes == null) {
            List<Route> found = new ArrayList<>();
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                Class<?> type = bean.getBeanClass();
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getMethods()) {
                    String verb = verbOf(method);
                    if (verb != null) {
                        Path sub = method.getAnnotation(Path.class);
                        String template = normalized(root.value() + (sub == null ? "" : "/" + sub.value()));
                        Produces produces = method.isAnnotationPresent(Produces.class)
                                ? method.getAnnotation(Produces.class)
                                : type.getAnnotation(Produces.class);
                        found.add(new Route(template(template), template, verb,
                                produces == null ? List.of() : List.of(produces.value())));
                    }
                }
            }
            // As JAX-RS matches: the template with the most literal characters first (export.csv before {id}).
            found.sort(Comparator.comparingInt((Route route) -> route.template().replaceAll("\\{[^}]*}", "").length())
                    .reversed());
            routes = List.copyOf(found);
        }
        return routes;
    }

    private static String verbOf(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** A JAX-RS path template as a regular expression: each {parameter} matches one path segment. */
    static Pattern template(String template) {
        String normalized = normalized(template);
        StringBuilder regex = new StringBuilder();
        for (String part : normalized.split("(?=\\{)|(?<=})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex + "/?");
    }

    private static String normalized(String template) {
        String normalized = ("/" + template).replaceAll("/+", "/");
        if (normalized.length() > 1 && normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return normalized;
    }
}
