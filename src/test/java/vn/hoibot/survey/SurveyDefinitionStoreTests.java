package vn.hoibot.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.hoibot.survey.form.RawForm;
import vn.hoibot.survey.form.SurveyForm;

/** Storing a definition version: the same definition read again (after a restart) is the same version. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.quartz.auto-startup=false")
class SurveyDefinitionStoreTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SurveyCatalog catalog;
    @Autowired
    DefinitionStore definitions;

    /**
     * A YAML definition with map-form choice lists, stored by an earlier run of the application whose map iteration
     * order differed (Map.copyOf's order changes from one JVM to the next), is found again, not stored anew.
     */
    @Test
    void findsTheDefinitionStoredBeforeARestartWhateverTheOrderOfItsChoiceLists() {
        SurveyForm form = catalog.form("nhu_cau_hoi_vien").orElseThrow();
        RawForm raw = catalog.raw("nhu_cau_hoi_vien");
        assertThat(raw.declaredLists()).hasSizeGreaterThan(2);
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode stored = (ObjectNode) json.valueToTree(raw);
        ObjectNode lists = (ObjectNode) stored.get("declaredLists");
        List<String> names = new ArrayList<>(lists.propertyNames());
        Collections.reverse(names);
        ObjectNode reversed = json.createObjectNode();
        names.forEach(n -> reversed.set(n, lists.get(n)));
        stored.set("declaredLists", reversed);
        String formId = "restart_" + System.nanoTime();
        jdbc.sql("""
                insert into survey_definition (form_id, version, kind, file_name, raw_form, stored_at)
                values (:f, :v, 'NEEDS', :n, :r, current_timestamp)""").param("f", formId).param("v", form.version())
                .param("n", raw.file()).param("r", json.writeValueAsString(stored)).update();
        long before = jdbc.sql("select id from survey_definition where form_id = :f").param("f", formId)
                .query(Long.class).single();

        SurveyForm renamed = new SurveyForm(formId, form.version(), form.title(), form.defaultLanguage(), form.kind(),
                form.sensitive(), form.questions(), form.choices(), form.source());
        assertThat(definitions.store(renamed, raw)).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from survey_definition where form_id = :f").param("f", formId)
                .query(Long.class).single()).isEqualTo(1);
    }
}
