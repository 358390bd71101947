package clinic.smp.common.http;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import io.quarkus.arc.Arc;

/**
 * Which HTTP methods the resources accept on a path, for the {@code Allow} header that a 405 must carry (RFC 9110);
 * the REST layer does not say. Built once, from the resources' JAX-RS annotations.
 */
@Singleton
public class AllowedMethods {

    private record Route(Pattern path, String method) {
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
                        found.add(new Route(template(root.value() + (sub == null ? "" : "/" + sub.value())), verb));
                    }
                }
            }
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
        String normalized = ("/" + template).replaceAll("/+", "/");
        if (normalized.length() > 1 && normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        StringBuilder regex = new StringBuilder();
        for (String part : normalized.split("(?=\\{)|(?<=})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex + "/?");
    }
}
