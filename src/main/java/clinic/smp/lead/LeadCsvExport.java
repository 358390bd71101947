package clinic.smp.lead;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;

import io.agroal.api.AgroalDataSource;

/**
 * Streams leads as CSV (RFC 4180), newest first, reading the database with a cursor so memory stays flat however
 * many leads there are. UTF-8, with a byte order mark unless asked not to (Excel reads a file without one in the
 * machine's legacy code page, and accents come out wrong); the header names the columns as the JSON does.
 *
 * <p>
 * Cells are protected against formula injection: a cell that a spreadsheet would read as a formula (starting with
 * =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe, unless it is a plain number, such as an E.164
 * phone number ({@code +447911123456}), which no spreadsheet runs; every cell is quoted.
 */
@ApplicationScoped
public class LeadCsvExport {

    /** The columns, named as in the lead's JSON. */
    public static final String HEADER =
            "id,name,email,phone,status,latestOutcome,latestApplications,hasAssessment,marketingConsent,createdAt,updatedAt,"
                    + "givenName,familyName,externalIds";
    private static final int COLUMNS = HEADER.split(",").length;
    static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9]{1,20}");

    private final AgroalDataSource dataSource;

    public LeadCsvExport(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param byteOrderMark whether the file starts with a UTF-8 byte order mark */
    public StreamingOutput stream(LeadFilter filter, boolean byteOrderMark) {
        StringBuilder where = new StringBuilder();
        List<Object[]> parameters = new ArrayList<>();
        filter.appendTo(where, parameters);
        // Named parameters become positional for plain JDBC, in order of appearance.
        List<Object> values = new ArrayList<>();
        String conditions = where.toString();
        for (Object[] parameter : parameters) {
            conditions = conditions.replace(":" + parameter[0], "?");
            values.add(parameter[1]);
        }
        String sql = "select l.id, l.name, l.email, l.phone, l.status, l.latest_outcome, "
                + "array_to_string(array(select jsonb_array_elements_text(l.latest_applications)), ' '), "
                + "l.has_assessment, l.marketing_consent, l.created_at, l.updated_at, l.given_name, l.family_name, "
                + "array_to_string(array(select e.key || ':' || e.value from jsonb_each_text(l.external_ids) e "
                + "order by e.key), ' ') from lead l where true"
                + conditions
                + " order by l.created_at desc, l.id desc";
        return output -> write(sql, values, byteOrderMark, output);
    }

    private void write(String sql, List<Object> values, boolean byteOrderMark, OutputStream output)
            throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // PostgreSQL only streams with a cursor inside a transaction
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(500);
                for (int i = 0; i < values.size(); i++) {
                    statement.setObject(i + 1, values.get(i));
                }
                if (byteOrderMark) {
                    out.write(BYTE_ORDER_MARK);
                }
                out.write(HEADER);
                out.write("\r\n");
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        for (int column = 1; column <= COLUMNS; column++) {
                            if (column > 1) {
                                out.write(',');
                            }
                            Object value = rows.getObject(column);
                            out.write(cell(value instanceof Timestamp t ? t.toInstant().toString()
                                    : value == null ? "" : value.toString()));
                        }
                        out.write("\r\n");
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("export failed", e));
        }
        out.flush();
    }

    /** One CSV cell: quoted, quotes doubled, and defused when a spreadsheet would read it as a formula. */
    static String cell(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(text).matches()) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
