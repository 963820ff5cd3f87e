package vn.hoibot.survey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.hoibot.survey.form.DefinitionError;
import vn.hoibot.survey.form.DefinitionResult;
import vn.hoibot.survey.form.RawForm;
import vn.hoibot.survey.form.SourceLocation;
import vn.hoibot.survey.form.SurveyForm;
import vn.hoibot.survey.form.SurveyForms;

/**
 * The survey definitions read from {@code hoibot.survey.definitions-dir} at start-up. An invalid file is left out
 * (its errors logged, with file and row) and the others still load; a second file with a form id already taken is
 * an error of that file.
 */
@Component
class SurveyCatalog {

    private static final Logger log = LoggerFactory.getLogger(SurveyCatalog.class);

    private final Map<String, SurveyForm> forms = new LinkedHashMap<>();
    private final Map<String, RawForm> raws = new LinkedHashMap<>();
    private final List<DefinitionResult> rejected = new ArrayList<>();

    SurveyCatalog(SurveyProperties properties) {
        Path dir = Path.of(properties.definitionsDir());
        if (!Files.isDirectory(dir)) {
            log.info("No survey definitions folder at {}", dir.toAbsolutePath());
            return;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(SurveyCatalog::definitionFile).sorted().toList();
        } catch (IOException e) {
            log.error("Cannot list survey definitions in {}", dir.toAbsolutePath(), e);
            return;
        }
        for (Path file : files) {
            try {
                if (Files.size(file) > properties.maxUploadBytes()) {
                    log.warn("Survey definition {} is larger than {} bytes; not loaded", file, properties.maxUploadBytes());
                    continue;
                }
                add(SurveyForms.read(file.getFileName().toString(), Files.readAllBytes(file),
                        properties.spreadsheetLimits()));
            } catch (IOException e) {
                log.error("Cannot read survey definition {}", file, e);
            }
        }
        log.info("Survey definitions loaded: {}; not loaded: {}", forms.keySet(), rejected.size());
    }

    private void add(DefinitionResult result) {
        if (result.valid() && forms.containsKey(result.form().formId())) {
            result = new DefinitionResult(result.file(), null, List.of(new DefinitionError(
                    SourceLocation.file(result.file()), "survey.form.error.duplicate-form-id",
                    new Object[] { result.form().formId() })), result.raw());
        }
        if (result.valid()) {
            forms.put(result.form().formId(), result.form());
            raws.put(result.form().formId(), result.raw());
        } else {
            rejected.add(result);
            result.errors().forEach(e -> log.warn("Survey definition not loaded: {}", e));
        }
    }

    private static boolean definitionFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && !name.startsWith(".") && !name.startsWith("~$")
                && (name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".xlsx"));
    }

    Optional<SurveyForm> form(String formId) {
        return Optional.ofNullable(forms.get(formId));
    }

    /** The rows the form was read from, to store with a run. */
    RawForm raw(String formId) {
        return raws.get(formId);
    }

    List<SurveyForm> forms() {
        return List.copyOf(forms.values());
    }

    List<DefinitionResult> rejected() {
        return Collections.unmodifiableList(rejected);
    }
}
