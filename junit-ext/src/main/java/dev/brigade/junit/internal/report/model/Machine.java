package dev.brigade.junit.internal.report.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The machine and JDK that ran the tests, as {@code brigade-results.json} names them; a field may be null.
 *
 * <p>Public for {@code report}, which builds and renders it beside this package.
 */
@API(status = INTERNAL, since = "0.1.0")
public record Machine(String cpuModel, Integer cpus, String os, String jdk, String flags, String arch,
                      String fingerprint) {

    /**
     * A field's name and value, for a table.
     *
     * <p>Public for {@code report}, which lists the fields.
     */
    @API(status = INTERNAL, since = "0.1.0")
    public record Field(String name, String value) {
    }

    /** The fields it has, in the file's order. */
    public List<Field> fields() {
        List<Field> fields = new ArrayList<>();
        add(fields, "cpuModel", cpuModel);
        add(fields, "cpus", cpus);
        add(fields, "os", os);
        add(fields, "jdk", jdk);
        add(fields, "flags", flags);
        add(fields, "arch", arch);
        add(fields, "fingerprint", fingerprint);
        return fields;
    }

    private static void add(List<Field> fields, String name, Object value) {
        if (value != null) {
            fields.add(new Field(name, String.valueOf(value)));
        }
    }
}
