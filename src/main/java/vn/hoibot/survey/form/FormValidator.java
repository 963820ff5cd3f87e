package vn.hoibot.survey.form;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.support.DefaultMessageSourceResolvable;

import vn.hoibot.survey.SurveyKind;

/**
 * The one validator both ways in (YAML and XLSForm) go through: turns a {@link RawForm} into a {@link SurveyForm},
 * or into every error found, each naming the file, sheet and row (or line).
 */
public final class FormValidator {

    static final int MAX_QUESTIONS = 300;
    static final int MAX_CHOICES = 60;

    private final RawForm raw;
    private final List<DefinitionError> errors = new ArrayList<>();
    private String defaultLanguage = "vi";

    private FormValidator(RawForm raw) {
        this.raw = raw;
    }

    public static DefinitionResult validate(RawForm raw) {
        return new FormValidator(raw).run();
    }

    private DefinitionResult run() {
        errors.addAll(raw.readErrors());
        if (!errors.isEmpty() && raw.settings() == null && raw.survey().isEmpty()) {
            return new DefinitionResult(raw.file(), null, errors, raw);
        }
        RawRow settings = raw.settings() != null ? raw.settings()
                : new RawRow(SourceLocation.file(raw.file()), Map.of());
        if (!settings.get("default_language").isBlank()) {
            defaultLanguage = Languages.code(settings.get("default_language"));
        }
        String formId = settings.get("form_id");
        if (formId.isBlank()) {
            error(settings.where(), "survey.form.error.missing-form-id");
        } else if (!FormNames.valid(formId)) {
            error(settings.where(), "survey.form.error.invalid-form-id", formId);
        }
        Text title = text(settings, "form_title");
        if (!title.has("vi")) {
            error(settings.where(), "survey.form.error.missing-title");
        }
        SurveyKind kind = kind(settings);
        boolean sensitive = yesNo(settings, "sensitive", kind == SurveyKind.CIRCUMSTANCES);
        String version = settings.get("version").isBlank() ? raw.contentHash() : settings.get("version");

        Map<String, List<Choice>> choices = choices();
        List<Question> questions = questions(choices);
        if (questions.stream().noneMatch(q -> q.type().answered()) && raw.readErrors().isEmpty()) {
            error(SourceLocation.file(raw.file()), "survey.form.error.no-questions");
        }
        if (!errors.isEmpty()) {
            return new DefinitionResult(raw.file(), null, errors, raw);
        }
        return new DefinitionResult(raw.file(), new SurveyForm(formId, version, title, defaultLanguage,
                kind, sensitive, questions, choices, SourceLocation.file(raw.file())), List.of(), raw);
    }

    private SurveyKind kind(RawRow settings) {
        String k = settings.get("kind");
        if (k.isBlank()) {
            return SurveyKind.OTHER;
        }
        try {
            return SurveyKind.valueOf(k.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            error(settings.where(), "survey.form.error.unknown-kind", k);
            return SurveyKind.OTHER;
        }
    }

    private Map<String, List<Choice>> choices() {
        Map<String, List<Choice>> lists = new LinkedHashMap<>();
        raw.declaredLists().keySet().forEach(name -> lists.put(name, new ArrayList<>()));
        for (RawRow row : raw.choices()) {
            if (row.blank()) {
                continue;
            }
            String list = row.get("list_name");
            String name = row.get("name");
            if (list.isBlank()) {
                error(row.where(), "survey.form.error.missing-list-name");
                continue;
            }
            List<Choice> choices = lists.computeIfAbsent(list, l -> new ArrayList<>());
            if (name.isBlank()) {
                error(row.where(), "survey.form.error.missing-choice-name", list);
                continue;
            }
            if (name.chars().anyMatch(Character::isWhitespace)) {
                error(row.where(), "survey.form.error.invalid-choice-name", list, name);
                continue;
            }
            if (choices.stream().anyMatch(c -> c.name().equals(name))) {
                error(row.where(), "survey.form.error.duplicate-choice", list, name);
                continue;
            }
            Text label = text(row, "label");
            if (!label.has("vi")) {
                error(row.where(), "survey.form.error.missing-choice-label", list, name);
            }
            choices.add(new Choice(list, name, label, row.where()));
        }
        lists.forEach((list, choices) -> {
            if (choices.size() > MAX_CHOICES) {
                error(choices.get(MAX_CHOICES).where(), "survey.form.error.too-many-choices", list, MAX_CHOICES);
            }
        });
        Map<String, List<Choice>> frozen = new LinkedHashMap<>();
        lists.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return frozen;
    }

    /** One pass to learn every name's position and enclosing groups, a second to build and check. */
    private List<Question> questions(Map<String, List<Choice>> choices) {
        List<RawRow> rows = raw.survey().stream().filter(r -> !r.blank()).toList();
        Map<String, Integer> position = new HashMap<>();
        Set<String> groupNames = new java.util.HashSet<>();
        Map<String, List<String>> enclosing = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] type = typeWords(rows.get(i));
            QuestionType t = type.length == 0 ? null : QuestionType.of(type[0]);
            String name = rows.get(i).get("name");
            if (t == QuestionType.END_GROUP) {
                stack.poll();
                continue;
            }
            if (!name.isBlank()) {
                position.putIfAbsent(name, i);
                enclosing.putIfAbsent(name, List.copyOf(stack));
            }
            if (t == QuestionType.BEGIN_GROUP) {
                groupNames.add(name);
                stack.push(name);
            }
        }

        List<Question> questions = new ArrayList<>();
        Deque<Group> groups = new ArrayDeque<>();
        Map<String, SourceLocation> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            RawRow row = rows.get(i);
            String[] words = typeWords(row);
            if (words.length == 0) {
                error(row.where(), "survey.form.error.missing-type");
                continue;
            }
            QuestionType type = QuestionType.of(words[0]);
            if (type == null || (!type.select() && words.length > 1) || words.length > 2) {
                error(row.where(), "survey.form.error.unknown-type", row.get("type"));
                continue;
            }
            if (type == QuestionType.END_GROUP) {
                if (groups.poll() == null) {
                    error(row.where(), "survey.form.error.unmatched-end-group");
                }
                continue;
            }
            String name = row.get("name");
            if (name.isBlank()) {
                error(row.where(), "survey.form.error.missing-name");
                continue;
            }
            if (!FormNames.valid(name)) {
                error(row.where(), "survey.form.error.invalid-name", name);
                continue;
            }
            if (seen.containsKey(name)) {
                error(row.where(), "survey.form.error.duplicate-name", name, seen.get(name).row());
                continue;
            }
            seen.put(name, row.where());
            Text label = text(row, "label");
            Expression relevant = expression(row, "relevant", name, i, position, groupNames, enclosing,
                    type == QuestionType.BEGIN_GROUP);
            if (type == QuestionType.BEGIN_GROUP) {
                groups.push(new Group(name, label, relevant, row.where()));
                continue;
            }
            if (!label.has("vi")) {
                error(row.where(), "survey.form.error.missing-label", name);
            }
            String listName = null;
            if (type.select()) {
                listName = words.length > 1 ? words[1] : "";
                if (listName.isBlank()) {
                    error(row.where(), "survey.form.error.missing-list", name);
                } else if (!choices.containsKey(listName)) {
                    error(row.where(), "survey.form.error.unknown-list", name, listName);
                } else if (choices.get(listName).isEmpty()) {
                    error(row.where(), "survey.form.error.empty-list", name, listName);
                }
            }
            boolean required = yesNo(row, "required", false);
            Expression constraint = expression(row, "constraint", name, i, position, groupNames, enclosing, false);
            Range range = type == QuestionType.RANGE ? range(row) : null;
            String defaultValue = row.get("default");
            if (!defaultValue.isBlank() && type == QuestionType.SELECT_ONE && listName != null
                    && choices.containsKey(listName)
                    && choices.get(listName).stream().noneMatch(c -> c.name().equals(defaultValue))) {
                error(row.where(), "survey.form.error.bad-default", name, defaultValue);
            }
            List<Group> outerFirst = new ArrayList<>(groups);
            java.util.Collections.reverse(outerFirst);
            questions.add(new Question(name, type, listName, label, text(row, "hint"), required,
                    text(row, "required_message"), relevant, constraint, text(row, "constraint_message"),
                    defaultValue.isBlank() ? null : defaultValue, range, outerFirst, row.where()));
        }
        for (Group open : groups) {
            error(open.where(), "survey.form.error.unclosed-group", open.name());
        }
        if (questions.size() > MAX_QUESTIONS) {
            error(questions.get(MAX_QUESTIONS).where(), "survey.form.error.too-many-questions", MAX_QUESTIONS);
        }
        return questions;
    }

    private Expression expression(RawRow row, String column, String name, int index, Map<String, Integer> position,
            Set<String> groupNames, Map<String, List<String>> enclosing, boolean isGroup) {
        String source = row.get(column);
        if (source.isBlank()) {
            return null;
        }
        Expression expression;
        try {
            expression = Expression.parse(source);
        } catch (ExpressionException e) {
            error(row.where(), "survey.form.error.bad-expression", column, source, e.position(),
                    new DefaultMessageSourceResolvable(new String[] { e.key() }, e.args()));
            return null;
        }
        boolean ok = true;
        for (String ref : expression.references()) {
            boolean inside = enclosing.getOrDefault(ref, List.of()).contains(name);
            if ("relevant".equals(column) && (ref.equals(name) || (isGroup && inside))) {
                error(row.where(), "survey.form.error.relevant-cycle", name, ref);
                ok = false;
            } else if (ref.equals(name)) {
                continue;
            } else if (!position.containsKey(ref) || groupNames.contains(ref)) {
                error(row.where(), "survey.form.error.unknown-reference", column, ref);
                ok = false;
            } else if (position.get(ref) > index) {
                error(row.where(), "survey.form.error.later-reference", column, ref);
                ok = false;
            }
        }
        return ok ? expression : null;
    }

    private Range range(RawRow row) {
        Map<String, BigDecimal> values = new HashMap<>(Map.of("start", BigDecimal.ONE, "end", BigDecimal.TEN,
                "step", BigDecimal.ONE));
        String parameters = row.get("parameters");
        for (String part : parameters.split("[\\s;,]+")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=", 2);
            String key = kv[0].strip().toLowerCase(Locale.ROOT);
            if (kv.length != 2 || !values.containsKey(key)) {
                error(row.where(), "survey.form.error.bad-parameters", parameters);
                return null;
            }
            try {
                values.put(key, new BigDecimal(kv[1].strip()));
            } catch (NumberFormatException e) {
                error(row.where(), "survey.form.error.bad-parameters", parameters);
                return null;
            }
        }
        Range range = new Range(values.get("start"), values.get("end"), values.get("step"));
        if (range.step().signum() <= 0 || range.start().compareTo(range.end()) == 0) {
            error(row.where(), "survey.form.error.bad-parameters", parameters);
            return null;
        }
        return range;
    }

    private boolean yesNo(RawRow row, String column, boolean otherwise) {
        String v = row.get(column).toLowerCase(Locale.ROOT);
        switch (v) {
            case "":
                return otherwise;
            case "yes", "true", "true()", "1":
                return true;
            case "no", "false", "false()", "0":
                return false;
            default:
                error(row.where(), "survey.form.error.bad-yes-no", column, row.get(column));
                return otherwise;
        }
    }

    /** Columns {@code base}, {@code base::vi}, {@code base::Tiếng Việt (vi)}... as a text by language. */
    private Text text(RawRow row, String base) {
        Map<String, String> byLanguage = new LinkedHashMap<>();
        row.cells().forEach((column, value) -> {
            if (value.isBlank()) {
                return;
            }
            if (column.equals(base)) {
                byLanguage.putIfAbsent(defaultLanguage, value);
            } else if (column.startsWith(base + "::")) {
                byLanguage.put(Languages.code(column.substring(base.length() + 2)), value);
            }
        });
        return new Text(byLanguage);
    }

    private static String[] typeWords(RawRow row) {
        String type = row.get("type").strip();
        if (type.isEmpty()) {
            return new String[0];
        }
        String normalized = type.replaceAll("(?i)^(begin|end)\\s+(group)", "$1_$2");
        return normalized.split("\\s+");
    }

    private void error(SourceLocation where, String key, Object... args) {
        errors.add(new DefinitionError(where, key, args));
    }
}
