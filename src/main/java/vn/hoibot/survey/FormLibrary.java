package vn.hoibot.survey;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Permission;
import vn.hoibot.org.OrgService;
import vn.hoibot.survey.UploadStore.Upload;
import vn.hoibot.survey.form.DefinitionError;
import vn.hoibot.survey.form.DefinitionResult;
import vn.hoibot.survey.form.RawForm;
import vn.hoibot.survey.form.SourceLocation;
import vn.hoibot.survey.form.SurveyForm;
import vn.hoibot.survey.form.SurveyForms;
import vn.hoibot.time.ServiceZone;

/**
 * The definitions a leader may launch: those of {@code config/surveys} (everyone) and those sent to the bot (the
 * newest of each form id; an admin's for every unit, a commune chair's for the leaders inside or above her
 * commune). Uploads are read from the database each time, so every instance sees one as soon as it is stored.
 */
@Service
class FormLibrary {

    /** A definition as a leader sees it; {@code upload} null for a file of {@code config/surveys}. */
    record Entry(SurveyForm form, RawForm raw, Upload upload) {
    }

    /** What became of an upload: the entry stored, or the errors (nothing stored). */
    record Uploaded(Entry entry, List<DefinitionError> errors) {
        boolean valid() {
            return entry != null;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(FormLibrary.class);

    private final SurveyCatalog catalog;
    private final UploadStore uploads;
    private final DefinitionStore definitions;
    private final AccessPolicy policy;
    private final OrgService org;
    private final SurveyProperties properties;
    private final Clock clock;

    FormLibrary(SurveyCatalog catalog, UploadStore uploads, DefinitionStore definitions, AccessPolicy policy,
            OrgService org, SurveyProperties properties, Clock clock) {
        this.catalog = catalog;
        this.uploads = uploads;
        this.definitions = definitions;
        this.policy = policy;
        this.org = org;
        this.properties = properties;
        this.clock = clock;
    }

    /** Every definition she may launch or read: the files first, then the uploads. */
    @Transactional(readOnly = true)
    List<Entry> visibleTo(Actor actor) {
        List<Entry> out = new ArrayList<>();
        for (SurveyForm form : catalog.forms()) {
            out.add(new Entry(form, catalog.raw(form.formId()), null));
        }
        for (Upload upload : uploads.latestAll()) {
            if (catalog.form(upload.formId()).isEmpty() && visible(actor, upload)) {
                out.add(entry(upload));
            }
        }
        return out;
    }

    @Transactional(readOnly = true)
    Optional<Entry> find(Actor actor, String formId) {
        Optional<SurveyForm> file = catalog.form(formId);
        if (file.isPresent()) {
            return Optional.of(new Entry(file.get(), catalog.raw(formId), null));
        }
        return uploads.latest(formId).filter(u -> visible(actor, u)).map(this::entry);
    }

    /** The rows of the definition, to send back as a workbook. */
    @Transactional(readOnly = true)
    RawForm raw(Entry entry) {
        return entry.raw() != null ? entry.raw() : definitions.raw(entry.upload().definitionId());
    }

    /** The stored definition a run of this entry is launched with. */
    long definitionId(Entry entry) {
        return entry.upload() != null ? entry.upload().definitionId() : definitions.store(entry.form(), entry.raw());
    }

    /**
     * Reads and checks a workbook she sent; when it is valid and its form id is free for her (not a file's, not an
     * upload of a subtree she does not hold), stores it as the newest version of that form. Nothing is stored
     * otherwise.
     */
    @Transactional
    Uploaded upload(Actor actor, String fileName, byte[] content) {
        DefinitionResult result = SurveyForms.read(fileName, content, properties.spreadsheetLimits());
        if (!result.valid()) {
            return new Uploaded(null, result.errors());
        }
        SurveyForm form = result.form();
        Optional<Upload> earlier = uploads.latest(form.formId());
        if (catalog.form(form.formId()).isPresent() || earlier.isPresent() && !mayReplace(actor, earlier.get())) {
            return new Uploaded(null, List.of(new DefinitionError(SourceLocation.file(fileName),
                    "survey.form.error.duplicate-form-id", new Object[] { form.formId() })));
        }
        Long unit = actor.admin() ? null : ownUnit(actor);
        long definitionId = definitions.store(form, result.raw());
        uploads.record(definitionId, form.formId(), fileName, unit, actor.memberId(), clock.instant());
        log.info("Survey definition {} uploaded for unit {}", form.formId(), unit);
        return new Uploaded(entry(uploads.latest(form.formId()).orElseThrow()), List.of());
    }

    /** Whether she may send definitions at all. */
    boolean mayUpload(Actor actor) {
        return actor.admin() || !policy.units(actor, Permission.DEFINE_SURVEY).isEmpty();
    }

    private Long ownUnit(Actor actor) {
        return policy.units(actor, Permission.DEFINE_SURVEY).stream().findFirst()
                .orElseThrow(vn.hoibot.access.AccessDeniedException::new);
    }

    private boolean mayReplace(Actor actor, Upload earlier) {
        if (actor.admin()) {
            return true;
        }
        LocalDate today = ServiceZone.today(clock);
        return earlier.unitId() != null && policy.units(actor, Permission.DEFINE_SURVEY).stream()
                .anyMatch(u -> org.isWithin(earlier.unitId(), u, today));
    }

    /** An admin's upload is for everyone; a unit's for leaders inside that unit or above it. */
    private boolean visible(Actor actor, Upload upload) {
        if (actor.admin() || upload.unitId() == null) {
            return true;
        }
        LocalDate today = ServiceZone.today(clock);
        Set<Long> units = policy.units(actor, Permission.RUN_SURVEY);
        long at = upload.unitId();
        return units.stream().anyMatch(u -> org.isWithin(u, at, today) || org.isWithin(at, u, today));
    }

    private Entry entry(Upload upload) {
        return new Entry(definitions.form(upload.definitionId()), null, upload);
    }
}
