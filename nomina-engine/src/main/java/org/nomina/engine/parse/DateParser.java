package org.nomina.engine.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nomina.engine.domain.PartialDate;

/**
 * Reads dates as victim lists write them. {@link #auto()} accepts full, partial and approximate dates
 * in English, Russian and Azerbaijani; {@link #ofPattern(String)} applies one java.time pattern strictly.
 *
 * <p>Written by hand: java.time parses one pattern at a time and has no notion of partial or approximate
 * dates, and no library we know handles "ок. 1950" or "12 mart 2011". Thread-safe and immutable.
 */
public final class DateParser {

    private static final Pattern APPROX_PREFIX = Pattern.compile(
            "^(?:approximately|approx\\.?|about|around|circa|ca\\.|c\\.|~|около|ок\\.|примерно|прибл\\.?|"
                    + "təxminən|təqribən|texminen|teqriben|təx\\.?)\\s*");
    private static final Pattern YEAR_SUFFIX = Pattern.compile(
            "\\s*(?:г\\.?|гг\\.?|года?|г\\.р\\.?|y\\.?|yr\\.?|il|ili|ildə|-ci il|-cü il|-cı il|-cu il)$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern YEAR = Pattern.compile("^(\\d{4})$");
    private static final Pattern ISO = Pattern.compile("^(\\d{4})-(\\d{1,2})(?:-(\\d{1,2}))?$");
    private static final Pattern COMPACT = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})$");
    private static final Pattern NUMERIC_DMY = Pattern.compile("^(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4}|\\d{2})$");
    private static final Pattern NUMERIC_MY = Pattern.compile("^(\\d{1,2})[./](\\d{4})$");
    private static final Pattern DAY_MONTHNAME_YEAR = Pattern.compile("^(\\d{1,2})\\s*\\.?\\s*(\\p{L}+)\\.?,?\\s+(\\d{4})$");
    private static final Pattern MONTHNAME_DAY_YEAR = Pattern.compile("^(\\p{L}+)\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})$");
    private static final Pattern MONTHNAME_YEAR = Pattern.compile("^(\\p{L}+)\\.?,?\\s+(\\d{4})$");

    private static final Map<String, Integer> MONTHS = monthNames();

    private final Optional<DateTimeFormatter> formatter;
    private final String patternText;

    private DateParser(Optional<DateTimeFormatter> formatter, String patternText) {
        this.formatter = formatter;
        this.patternText = patternText;
    }

    /** Every form lists really use, including partial and approximate dates. */
    public static DateParser auto() {
        return new DateParser(Optional.empty(), "auto");
    }

    /**
     * One java.time pattern, applied strictly (no 31 February). {@code auto} gives {@link #auto()}.
     *
     * @throws IllegalArgumentException when the pattern is not a valid java.time pattern
     */
    public static DateParser ofPattern(String pattern) {
        if (pattern.isBlank() || pattern.strip().equalsIgnoreCase("auto")) {
            return auto();
        }
        // STRICT resolving needs 'u' (proleptic year) rather than 'y' (year of era).
        String strict = pattern.replace('y', 'u');
        DateTimeFormatter f = DateTimeFormatter.ofPattern(strict, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
        return new DateParser(Optional.of(f), pattern);
    }

    public String pattern() {
        return patternText;
    }

    /**
     * Parses one value. Blank text gives an empty result.
     *
     * @throws ValueParseException with a plain-words reason when the text is not a date this parser reads
     */
    public Optional<PartialDate> parse(String text) {
        String raw = text.strip();
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        if (formatter.isPresent()) {
            return Optional.of(parseWithPattern(raw, formatter.get()));
        }
        return Optional.of(parseAuto(raw));
    }

    private PartialDate parseWithPattern(String raw, DateTimeFormatter f) {
        try {
            TemporalAccessor t = f.parse(raw);
            int year = t.get(ChronoField.YEAR);
            int month = t.isSupported(ChronoField.MONTH_OF_YEAR) ? t.get(ChronoField.MONTH_OF_YEAR) : 0;
            int day = t.isSupported(ChronoField.DAY_OF_MONTH) ? t.get(ChronoField.DAY_OF_MONTH) : 0;
            return new PartialDate(year, month, day, false);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new ValueParseException("'" + raw + "' is not a date in the format " + patternText);
        }
    }

    private PartialDate parseAuto(String raw) {
        String s = WHITESPACE.matcher(raw.toLowerCase(Locale.ROOT).replace('\u00a0', ' ')).replaceAll(" ");
        boolean approx = false;
        Matcher prefix = APPROX_PREFIX.matcher(s);
        if (prefix.find()) {
            approx = true;
            s = s.substring(prefix.end());
        }
        while (s.endsWith("?")) {
            approx = true;
            s = s.substring(0, s.length() - 1).strip();
        }
        s = YEAR_SUFFIX.matcher(s).replaceFirst("").strip();
        try {
            return parseShape(s, approx);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new ValueParseException("'" + raw + "' is not a valid date: " + e.getMessage());
        }
    }

    private static PartialDate parseShape(String s, boolean approx) {
        Matcher m = YEAR.matcher(s);
        if (m.matches()) {
            return PartialDate.ofYear(year(m.group(1)), approx);
        }
        m = ISO.matcher(s);
        if (m.matches()) {
            return new PartialDate(year(m.group(1)), Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), approx);
        }
        m = COMPACT.matcher(s);
        if (m.matches()) {
            return new PartialDate(year(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), approx);
        }
        m = NUMERIC_DMY.matcher(s);
        if (m.matches()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            int y = m.group(3).length() == 2 ? twoDigitYear(Integer.parseInt(m.group(3))) : year(m.group(3));
            // Lists from the region write day first; month first is taken only when the first number
            // cannot be a month but the second can be a day, i.e. when the date reads only one way round.
            if (b > 12 && a <= 12) {
                return new PartialDate(y, a, b, approx);
            }
            return new PartialDate(y, b, a, approx);
        }
        m = NUMERIC_MY.matcher(s);
        if (m.matches()) {
            return new PartialDate(year(m.group(2)), Integer.parseInt(m.group(1)), 0, approx);
        }
        m = DAY_MONTHNAME_YEAR.matcher(s);
        if (m.matches() && MONTHS.containsKey(m.group(2))) {
            return new PartialDate(year(m.group(3)), MONTHS.get(m.group(2)), Integer.parseInt(m.group(1)), approx);
        }
        m = MONTHNAME_DAY_YEAR.matcher(s);
        if (m.matches() && MONTHS.containsKey(m.group(1))) {
            return new PartialDate(year(m.group(3)), MONTHS.get(m.group(1)), Integer.parseInt(m.group(2)), approx);
        }
        m = MONTHNAME_YEAR.matcher(s);
        if (m.matches() && MONTHS.containsKey(m.group(1))) {
            return new PartialDate(year(m.group(2)), MONTHS.get(m.group(1)), 0, approx);
        }
        throw new IllegalArgumentException("no known date form matches");
    }

    private static int year(String digits) {
        int y = Integer.parseInt(digits);
        if (y < 1000) {
            throw new IllegalArgumentException("year " + y + " is implausible");
        }
        return y;
    }

    /** Two-digit years up to this year's two digits are this century, the rest the last one. */
    private static int twoDigitYear(int yy) {
        int now = Year.now().getValue();
        int century = now / 100 * 100;
        return yy <= now % 100 ? century + yy : century - 100 + yy;
    }

    private static Map<String, Integer> monthNames() {
        Map<String, Integer> m = new HashMap<>();
        String[][] names = {
            {"january", "jan", "январь", "января", "янв", "yanvar", "yan"},
            {"february", "feb", "февраль", "февраля", "фев", "fevral", "fev"},
            {"march", "mar", "март", "марта", "мар", "mart"},
            {"april", "apr", "апрель", "апреля", "апр", "aprel"},
            {"may", "май", "мая", "may"},
            {"june", "jun", "июнь", "июня", "iyun", "iyn"},
            {"july", "jul", "июль", "июля", "iyul", "iyl"},
            {"august", "aug", "август", "августа", "авг", "avqust", "avq"},
            {"september", "sep", "sept", "сентябрь", "сентября", "сен", "сент", "sentyabr", "sen"},
            {"october", "oct", "октябрь", "октября", "окт", "oktyabr", "okt"},
            {"november", "nov", "ноябрь", "ноября", "ноя", "noyabr"},
            {"december", "dec", "декабрь", "декабря", "дек", "dekabr", "dek"},
        };
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                m.put(n, i + 1);
            }
        }
        return Map.copyOf(m);
    }

    /** True when {@code date} lies after today (a birth date in the future is an error in a list). */
    public static boolean isFuture(PartialDate date) {
        LocalDate today = LocalDate.now();
        if (date.year() != today.getYear()) {
            return date.year() > today.getYear();
        }
        if (date.month() == 0) {
            return false;
        }
        LocalDate d = LocalDate.of(date.year(), date.month(), date.day() == 0 ? 1 : date.day());
        return d.isAfter(today);
    }
}
