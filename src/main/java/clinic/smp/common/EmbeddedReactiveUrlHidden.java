package clinic.smp.common;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * Hides the {@code quarkus.datasource.reactive.url} that the embedded PostgreSQL extension (0.3.0) supplies beside the
 * JDBC URL, for reactive clients: this service has none, so Quarkus reported the key as unrecognised, a WARN at every
 * start of the default build. Only the extension's own value is hidden (a packaged app holds it in its runtime defaults,
 * dev mode in the extension's config source); one that an operator sets is still reported.
 *
 * <p>
 * Registered by {@code src/main/embedded-db/META-INF/services}, so only in the build that has the extension.
 */
public class EmbeddedReactiveUrlHidden implements ConfigSourceInterceptor {

    static final String KEY = "quarkus.datasource.reactive.url";
    static final Set<String> SUPPLIED_BY_THE_EXTENSION = Set.of("DefaultValuesConfigSource", "embedded-postgresql");

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        return KEY.equals(name) && suppliedByTheExtension(value) ? null : value;
    }

    /** Quarkus looks for unrecognised keys among the names. */
    @Override
    public Iterator<String> iterateNames(ConfigSourceInterceptorContext context) {
        Iterator<String> names = context.iterateNames();
        if (!suppliedByTheExtension(context.proceed(KEY))) {
            return names;
        }
        List<String> others = new ArrayList<>();
        names.forEachRemaining(name -> {
            if (!KEY.equals(name)) {
                others.add(name);
            }
        });
        return others.iterator();
    }

    private static boolean suppliedByTheExtension(ConfigValue value) {
        return value != null && SUPPLIED_BY_THE_EXTENSION.contains(value.getConfigSourceName());
    }
}
