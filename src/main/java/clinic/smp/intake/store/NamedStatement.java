package clinic.smp.intake.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One statement of the store, read whole from its {@code .sql} resource beside this class, with {@code :named}
 * placeholders. A name may appear several times; every name must be bound before the statement runs. The parser
 * skips string literals, quoted identifiers, comments and {@code ::} casts.
 */
final class NamedStatement {

    private final String name;
    private final String sql;
    /** The parameter name of each JDBC index, from index 1. */
    private final String[] positions;
    private final Map<String, Integer> slots;
    private final List<String> names;

    private NamedStatement(String name, String sql, List<String> positions) {
        this.name = name;
        this.sql = sql;
        this.positions = positions.toArray(String[]::new);
        Map<String, Integer> slots = new LinkedHashMap<>();
        for (String position : positions) {
            slots.putIfAbsent(position, slots.size());
        }
        this.slots = Map.copyOf(slots);
        this.names = List.copyOf(slots.keySet());
    }

    /** Loads {@code <name>.sql} from this package's resources. */
    static NamedStatement load(String name) {
        String resource = name + ".sql";
        try (InputStream in = NamedStatement.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no statement " + resource + " beside " + NamedStatement.class);
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NamedStatement parse(String name, String text) {
        StringBuilder sql = new StringBuilder(text.length());
        List<String> positions = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = text.indexOf(c, i + 1);
                while (end > 0 && end + 1 < text.length() && text.charAt(end + 1) == c) {
                    end = text.indexOf(c, end + 2);
                }
                if (end < 0) {
                    throw new IllegalArgumentException(name + ": unterminated " + c + " at offset " + i);
                }
                sql.append(text, i, end + 1);
                i = end + 1;
            } else if (c == '-' && text.startsWith("--", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end; // comments are dropped: they are for the reader of the file
            } else if (c == ':' && text.startsWith("::", i)) {
                sql.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < text.length() && isNameStart(text.charAt(i + 1))) {
                int end = i + 1;
                while (end < text.length() && isNamePart(text.charAt(end))) {
                    end++;
                }
                positions.add(text.substring(i + 1, end));
                sql.append('?');
                i = end;
            } else if (c == '?') {
                throw new IllegalArgumentException(name + ": positional ? at offset " + i + "; name every parameter");
            } else {
                sql.append(c);
                i++;
            }
        }
        return new NamedStatement(name, sql.toString().strip(), positions);
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    String name() {
        return name;
    }

    /** The statement as JDBC takes it. */
    String sql() {
        return sql;
    }

    /** The distinct parameter names, in order of first appearance. */
    List<String> names() {
        return names;
    }

    Parameters parameters() {
        return new Parameters();
    }

    /** The values of one execution, set by name and typed by the setter; {@link #bind} checks that none is missing. */
    final class Parameters {

        private static final int TEXT = 1, UUID_ = 2, BOOLEAN = 3, INTEGER = 4, TIMESTAMP = 5, DATE = 6;

        private final Object[] values = new Object[slots.size()];
        private final byte[] types = new byte[slots.size()];

        Parameters text(String name, String value) {
            return set(name, TEXT, value);
        }

        Parameters uuid(String name, UUID value) {
            return set(name, UUID_, value);
        }

        Parameters bool(String name, boolean value) {
            return set(name, BOOLEAN, value);
        }

        Parameters integer(String name, int value) {
            return set(name, INTEGER, value);
        }

        Parameters timestamp(String name, Instant value) {
            return set(name, TIMESTAMP, value == null ? null : OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }

        Parameters date(String name, LocalDate value) {
            return set(name, DATE, value);
        }

        /**
         * A PostgreSQL array literal of {@code values}, for a parameter the statement casts to an array type: cheaper
         * than pgjdbc's createArrayOf, which looks the array type up on every call.
         */
        Parameters array(String name, Collection<String> elements) {
            StringBuilder literal = new StringBuilder(2 + 40 * elements.size()).append('{');
            for (String element : elements) {
                if (literal.length() > 1) {
                    literal.append(',');
                }
                literal.append('"');
                for (int i = 0; i < element.length(); i++) {
                    char c = element.charAt(i);
                    if (c == '"' || c == '\\') {
                        literal.append('\\');
                    }
                    literal.append(c);
                }
                literal.append('"');
            }
            return set(name, TEXT, literal.append('}').toString());
        }

        private Parameters set(String name, int type, Object value) {
            Integer slot = slots.get(name);
            if (slot == null) {
                throw new IllegalArgumentException(NamedStatement.this.name + " has no parameter :" + name);
            }
            values[slot] = value;
            types[slot] = (byte) type;
            return this;
        }

        void bind(PreparedStatement statement) throws SQLException {
            for (int slot = 0; slot < types.length; slot++) {
                if (types[slot] == 0) {
                    throw new IllegalStateException(
                            NamedStatement.this.name + ": parameter :" + nameOf(slot) + " not bound");
                }
            }
            for (int i = 0; i < positions.length; i++) {
                int slot = slots.get(positions[i]);
                Object value = values[slot];
                int index = i + 1;
                switch (types[slot]) {
                    case TEXT -> {
                        if (value == null) {
                            statement.setNull(index, Types.VARCHAR);
                        } else {
                            statement.setString(index, (String) value);
                        }
                    }
                    case BOOLEAN -> statement.setBoolean(index, (Boolean) value);
                    case INTEGER -> statement.setInt(index, (Integer) value);
                    case DATE -> {
                        if (value == null) {
                            statement.setNull(index, Types.DATE);
                        } else {
                            statement.setObject(index, value);
                        }
                    }
                    case TIMESTAMP -> statement.setObject(index, value);
                    default -> statement.setObject(index, value); // a UUID
                }
            }
        }

        private String nameOf(int slot) {
            return names.get(slot);
        }
    }

}
