package dev.brigade.junit.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brigade.junit.Constants;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Configuration#KEYS} lists every configuration key of {@link Constants}: the extension reads its keys, and
 * forwards them to the base side of an {@code @AgainstBase} test, from that list, so a key added to {@code Constants}
 * and not to it would be read nowhere. This test is the one place that looks at {@code Constants}' fields.
 */
class ConfigurationKeysTest {

    @Test
    void lists_every_key_of_Constants_in_its_order() throws IllegalAccessException {
        List<String> keys = new ArrayList<>();
        for (Field field : Constants.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getName().endsWith("_PROPERTY_NAME")) {
                keys.add((String) field.get(null));
            }
        }
        assertThat(Configuration.KEYS).containsExactlyElementsOf(keys);
    }
}
