package dev.brigade.junit.internal;

import java.util.Random;

/**
 * Generators of hostile text for {@link ForAll}: strings built from fragments that parsers trip on (numbers at and
 * past the limits of {@code int}, {@code long} and {@code double}, units and their look-alikes, digits of other
 * scripts, every kind of space and line break, control and format characters, lone surrogates, markup) mixed with
 * random code points, and names that reports must carry unchanged. Stateless.
 */
public final class Gen {

    private static final String[] PARSER_FRAGMENTS = {
        "0", "1", "2", "7", "9", "10", "300", "1.5", "0.001", ".", "..", "-", "+", "e", "E", "e9", "1e3", "0x1p3",
        "_", ",", "%", "/", ":", "ns", "us", "µs", "μs", "ms", "s", "m", "min", "h", "d", "B", "b", "KiB", "kib",
        "MiB", "GiB", "TiB", "KB", "k", "M", "G", " ", "  ", "\t", "\n", "\r", "\u00a0", "\u2003", "\u3000",
        "\u0663", "\uff13", "\u096a", "\ud835\udfd8", "NaN", "Infinity", "-0", "true", "false", "TRUE", "null",
        "2147483647", "2147483648", "99999999999999999999", "9223372036854775807", "9223372036854775808",
        "1" + "0".repeat(400), "0." + "0".repeat(400) + "1", "\u0000", "\u001b[31m", "\u007f", "\u0085", "\u2028",
        "\u202e", "\u200f", "\ufeff", "\ud800", "\udc00", "\ud83d\ude00", "\"", "'", "\\", "<", ">", "&", "</script>",
        "<!--", "${x}", "%s", "{", "}", "[", "]", ";", "#", "=",
    };

    private static final String[] NAME_FRAGMENTS = {
        "[VIRTUAL] 500 tasks, QUEUE", "handOff", " ", "\"", "\"quoted\"", "'", "\\", "\\n", "\\u0000", "\n", "\r\n",
        "\r", "\t", "</script>", "<script>alert(1)</script>", "<!--", "<!--<script>", "-->", "</SCRIPT >",
        "<img src=x onerror=alert(1)>", "<b>bold</b>", "&", "&amp;", "&lt;", "&#60;", "]]>", "</td></tr></table>",
        "<style>", "\"><svg onload=alert(1)>", "{\"a\":1}", "}]", "${jndi:x}", "%s%n", "\u0000", "\u0001", "\u0007",
        "\u001b[2J", "\u001b]0;title\u0007", "\u007f", "\u0085", "\u009b", "\u2028", "\u2029", "\u202e", "\u200f",
        "\u200b", "\ufeff", "\ufffe", "\uffff", "שלום", "مرحبا", "日本語", "ünïcödé", "\ud83d\ude00",
        "\ud834\udd1e", "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67", "Z\u0351\u0352\u0353",
        "µ", "×", "–", "·",
    };

    private Gen() {
    }

    /** Text a user might write, mistype or paste where a value belongs: up to 8 fragments, sometimes empty. */
    public static String text(Random random) {
        int parts = random.nextInt(4) == 0 ? random.nextInt(9) : 1 + random.nextInt(3);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            if (random.nextInt(5) == 0) {
                text.appendCodePoint(codePoint(random));
            } else {
                text.append(PARSER_FRAGMENTS[random.nextInt(PARSER_FRAGMENTS.length)]);
            }
        }
        return text.toString();
    }

    /** A number and a unit, each sometimes odd: mostly well formed, so the parser's happy path is searched too. */
    public static String numberAndUnit(Random random, String... units) {
        String number = switch (random.nextInt(4)) {
            case 0 -> Long.toString(random.nextLong() >>> random.nextInt(64));
            case 1 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(25) - 6)).replace("E", "e");
            case 2 -> random.nextInt(1000) + "." + random.nextInt(1000);
            default -> Integer.toString(random.nextInt(100));
        };
        String space = random.nextInt(3) == 0 ? " " : "";
        String unit = random.nextInt(10) == 0 ? text(random) : units[random.nextInt(units.length)];
        return number + space + unit;
    }

    /**
     * A display or test name that reports must carry unchanged: markup that would end a script or an attribute,
     * quotes, backslashes, line breaks, control characters, right-to-left and non-BMP text, and now and then a very
     * long name. Well formed UTF-16: no lone surrogates (see {@link #withLoneSurrogate}).
     */
    public static String name(Random random) {
        StringBuilder name = new StringBuilder();
        int parts = 1 + random.nextInt(6);
        for (int i = 0; i < parts; i++) {
            if (random.nextInt(6) == 0) {
                int cp = codePoint(random);
                name.appendCodePoint(cp >= 0xd800 && cp <= 0xdfff ? 'x' : cp);
            } else {
                name.append(NAME_FRAGMENTS[random.nextInt(NAME_FRAGMENTS.length)]);
            }
        }
        if (random.nextInt(20) == 0) {
            String unit = name.toString();
            name.append(unit.repeat(Math.max(1, 20_000 / Math.max(1, unit.length()))));
        }
        return name.toString();
    }

    /** A {@link #name} with a lone surrogate inserted: a Java string that no UTF encoding can hold. */
    public static String withLoneSurrogate(Random random) {
        String name = name(random);
        int at = random.nextInt(name.length() + 1);
        if (at > 0 && at < name.length() && Character.isLowSurrogate(name.charAt(at))) {
            at++;
        }
        char lone = (char) ((random.nextBoolean() ? 0xd800 : 0xdc00) + random.nextInt(0x400));
        return name.substring(0, at) + lone + name.substring(at);
    }

    /** Any code point, weighted towards ASCII, Latin-1 and the rest of the BMP (lone surrogates included). */
    static int codePoint(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(0x80);
            case 1 -> random.nextInt(0x100);
            case 2 -> random.nextInt(0x10000);
            default -> 0x10000 + random.nextInt(0x100000);
        };
    }
}
