package clinic.smp.common.http;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import clinic.smp.common.problem.Problem.FieldViolation;
import clinic.smp.common.problem.ProblemException;

/**
 * Refuses a query parameter that the operation does not declare: a 400 that names each one. Without it a misspelt
 * filter ({@code ?email=} on a list that searches with {@code q}) is ignored and the answer looks like "nobody".
 * The declared names are read once per operation from its {@code @QueryParam}s, those of its {@code @BeanParam}
 * classes included.
 */
@Provider
@Priority(Priorities.USER - 100)
public class KnownQueryParameters implements ContainerRequestFilter {

    /** A name shown as it was sent; any other is described, not echoed (it may hold hidden characters). */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.\\-\\[\\]]{1,64}");

    private static final Map<Method, Set<String>> DECLARED = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> sent = request.getUriInfo().getQueryParameters().keySet();
        if (sent.isEmpty()) {
            return;
        }
        Set<String> declared = DECLARED.computeIfAbsent(method, KnownQueryParameters::declaredBy);
        Set<String> unknown = new TreeSet<>();
        for (String name : sent) {
            if (!declared.contains(name)) {
                unknown.add(name);
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        String accepted = declared.isEmpty() ? "none" : String.join(", ", new TreeSet<>(declared));
        List<FieldViolation> violations = new ArrayList<>();
        for (String name : unknown) {
            violations.add(new FieldViolation(PLAIN_NAME.matcher(name).matches() ? name : "(a name that is not plain)",
                    "is not a query parameter of this operation; it accepts: " + accepted));
        }
        throw ProblemException.invalid(violations);
    }

    static Set<String> declaredBy(Method method) {
        Set<String> names = new HashSet<>();
        for (Parameter parameter : method.getParameters()) {
            collect(parameter, parameter.getType(), names);
        }
        return Collections.unmodifiableSet(names);
    }

    /** The name of an element's {@code @QueryParam}, and those inside it when it is a {@code @BeanParam}. */
    private static void collect(AnnotatedElement element, Class<?> type, Set<String> names) {
        QueryParam query = element.getAnnotation(QueryParam.class);
        if (query != null) {
            names.add(query.value());
        }
        if (element.isAnnotationPresent(BeanParam.class)) {
            for (Class<?> bean = type; bean != null && bean != Object.class; bean = bean.getSuperclass()) {
                for (Field field : bean.getDeclaredFields()) {
                    collect(field, field.getType(), names);
                }
                for (Method setter : bean.getDeclaredMethods()) {
                    collect(setter, setter.getParameterCount() == 1 ? setter.getParameterTypes()[0] : void.class,
                            names);
                }
            }
        }
    }
}
