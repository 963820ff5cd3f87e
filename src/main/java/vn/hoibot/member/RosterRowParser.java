package vn.hoibot.member;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vn.hoibot.access.Role;
import vn.hoibot.spreadsheet.Row;
import vn.hoibot.spreadsheet.RowError;
import vn.hoibot.spreadsheet.Table;

/** Turns roster lines into {@link RosterRow}s or {@link RowError}s; knows the Vietnamese headers (folded). */
final class RosterRowParser {

    enum Column {
        NAME("ho va ten", "ho ten", "ten hoi vien", "ho va ten hoi vien", "full name", "name"),
        PHONE("so dien thoai", "dien thoai", "sdt", "so dt", "phone"),
        BIRTH_YEAR("nam sinh", "birth year"),
        UNIT("ma chi hoi", "ma don vi", "ma to hoi", "ma to", "unit code", "unit"),
        PARTY("dang vien", "party member"),
        PIONEER("tien phong", "hoi vien tien phong", "pioneer"),
        TAGS("doi tuong", "nhom dac thu", "tags"),
        STATUS("trang thai", "status"),
        JOIN_DATE("ngay vao hoi", "join date"),
        LEFT_DATE("ngay thoi sinh hoat", "left date"),
        ROLE("chuc vu", "role");

        final List<String> aliases;

        Column(String... aliases) {
            this.aliases = List.of(aliases);
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private final Map<Column, Integer> columns = new EnumMap<>(Column.class);
    private final List<String> headers;
    private final Vocabulary words;
    private final Clock clock;

    RosterRowParser(Table table, Vocabulary words, Clock clock) {
        for (Column c : Column.values()) {
            columns.put(c, table.column(c.aliases));
        }
        this.headers = table.headers();
        this.words = words;
        this.clock = clock;
    }

    /** The required columns the header lacks. */
    List<Column> missingColumns() {
        return List.of(Column.NAME, Column.UNIT).stream().filter(c -> columns.get(c) < 0).toList();
    }

    /** What reading one row came to: the row, or the first problem found in it. */
    sealed interface Parsed permits Parsed.Row, Parsed.Problem {
        record Row(RosterRow row) implements Parsed {
        }

        record Problem(RowError error) implements Parsed {
        }
    }

    /** The parsed row, or the first problem found in it. */
    Parsed parse(Row line) {
        int n = line.number();
        String name = cell(line, Column.NAME);
        if (name.isEmpty()) {
            return problem(n, "member.import.missing-name", null);
        }
        String unit = cell(line, Column.UNIT);
        if (unit.isEmpty()) {
            return problem(n, "member.import.missing-unit", null);
        }
        String rawPhone = cell(line, Column.PHONE);
        String phone = null;
        if (!rawPhone.isEmpty()) {
            Optional<String> normal = PhoneNumbers.normalise(rawPhone);
            if (normal.isEmpty()) {
                return problem(n, "member.import.bad-phone", new Object[] {rawPhone});
            }
            phone = normal.get();
        }
        Integer year = null;
        String rawYear = cell(line, Column.BIRTH_YEAR);
        if (!rawYear.isEmpty()) {
            year = rawYear.matches("\\d{4}") ? Integer.valueOf(rawYear) : null;
            int now = LocalDate.now(clock).getYear();
            if (year == null || year < 1900 || year > now - 15) {
                return problem(n, "member.import.bad-year", new Object[] {rawYear});
            }
        }
        Boolean party = null;
        Boolean pioneer = null;
        if (columns.get(Column.PARTY) >= 0) {
            party = Vocabulary.flag(cell(line, Column.PARTY)).orElse(null);
            if (party == null) {
                return problem(n, "member.import.bad-flag", new Object[] {header(Column.PARTY), cell(line, Column.PARTY)});
            }
        }
        if (columns.get(Column.PIONEER) >= 0) {
            pioneer = Vocabulary.flag(cell(line, Column.PIONEER)).orElse(null);
            if (pioneer == null) {
                return problem(n, "member.import.bad-flag", new Object[] {header(Column.PIONEER), cell(line, Column.PIONEER)});
            }
        }
        Set<MemberTag> tags = EnumSet.noneOf(MemberTag.class);
        for (String word : cell(line, Column.TAGS).split("[,;]")) {
            if (!word.isBlank()) {
                Optional<MemberTag> tag = words.tag(word);
                if (tag.isEmpty()) {
                    return problem(n, "member.import.unknown-tag", new Object[] {word.strip()});
                }
                tags.add(tag.get());
            }
        }
        MemberStatus status = null;
        String rawStatus = cell(line, Column.STATUS);
        if (!rawStatus.isEmpty()) {
            status = words.status(rawStatus).filter(s -> s != MemberStatus.ERASED).orElse(null);
            if (status == null) {
                return problem(n, "member.import.unknown-status", new Object[] {rawStatus});
            }
        }
        LocalDate joined = null;
        String rawDate = cell(line, Column.JOIN_DATE);
        if (!rawDate.isEmpty()) {
            try {
                joined = LocalDate.parse(rawDate, DAY);
            } catch (DateTimeParseException e) {
                return problem(n, "member.import.bad-date", new Object[] {rawDate});
            }
        }
        LocalDate left = null;
        String rawLeft = cell(line, Column.LEFT_DATE);
        if (!rawLeft.isEmpty()) {
            try {
                left = LocalDate.parse(rawLeft, DAY);
            } catch (DateTimeParseException e) {
                return problem(n, "member.import.bad-date", new Object[] {rawLeft});
            }
        }
        Role role = null;
        String rawRole = cell(line, Column.ROLE);
        if (!rawRole.isEmpty()) {
            Optional<Role> named = words.role(rawRole).filter(r -> r != Role.ADMIN);
            if (named.isEmpty()) {
                return problem(n, "member.import.unknown-role", new Object[] {rawRole});
            }
            role = named.get() == Role.MEMBER ? null : named.get();
        }
        return new Parsed.Row(new RosterRow(n, name, phone, year, unit, party, pioneer, tags,
                columns.get(Column.TAGS) >= 0, status, joined, columns.get(Column.JOIN_DATE) >= 0, role, left));
    }

    private static Parsed problem(int rowNumber, String key, Object[] args) {
        return new Parsed.Problem(new RowError(rowNumber, key, args));
    }

    private String header(Column c) {
        return headers.get(columns.get(c));
    }

    private String cell(Row line, Column c) {
        return line.cell(columns.get(c));
    }
}
