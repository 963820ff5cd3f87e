package vn.hoibot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The module structure of docs/architecture.md, kept true by the code. */
class ModularityTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("vn.hoibot");
    private static final ApplicationModules MODULES = ApplicationModules.of(HoiBotApplication.class);
    private static final Path CHECKED_IN = Path.of("docs", "architecture", "modules.puml");

    @Test
    void keepsModulesApartWithoutCycles() {
        MODULES.verify();
    }

    @Test
    void keepsTheTelegramLibraryInsideTheTelegramModule() {
        noClasses().that().resideOutsideOfPackage("vn.hoibot.telegram..")
                .should().dependOnClassesThat().resideInAPackage("org.telegram..")
                .check(CLASSES);
    }

    @Test
    void keepsFeaturesIndependentOfChannels() {
        noClasses().that().resideOutsideOfPackages("vn.hoibot.telegram..", "vn.hoibot.console..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.hoibot.telegram..", "vn.hoibot.console..")
                .check(CLASSES);
    }

    @Test
    void keepsTheSharedGroundFreeOfFeatures() {
        noClasses().that().resideInAnyPackage("vn.hoibot.time..", "vn.hoibot.text..", "vn.hoibot.spreadsheet..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.hoibot.org..", "vn.hoibot.access..",
                        "vn.hoibot.member..", "vn.hoibot.admin..", "vn.hoibot.meeting..", "vn.hoibot.broadcast..",
                        "vn.hoibot.survey..", "vn.hoibot.indicator..", "vn.hoibot.report..")
                .check(CLASSES);
    }

    @Test
    void keepsTextBelowEverything() {
        classes().that().resideInAPackage("vn.hoibot.text..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "vn.hoibot.text..")
                .check(CLASSES);
    }

    @Test
    void keepsAccessBelowMembersAndTheOrgTreeBelowBoth() {
        noClasses().that().resideInAPackage("vn.hoibot.access..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.hoibot.member..", "vn.hoibot.admin..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("vn.hoibot.org..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.hoibot.access..", "vn.hoibot.member..",
                        "vn.hoibot.admin..")
                .check(CLASSES);
    }

    @Test
    void keepsTheChatCoreFreeOfFeatures() {
        noClasses().that().resideInAPackage("vn.hoibot.chat..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.hoibot.org..", "vn.hoibot.access..",
                        "vn.hoibot.member..", "vn.hoibot.admin..", "vn.hoibot.meeting..", "vn.hoibot.broadcast..",
                        "vn.hoibot.survey..", "vn.hoibot.indicator..", "vn.hoibot.report..", "vn.hoibot.time..",
                        "vn.hoibot.spreadsheet..")
                .check(CLASSES);
    }

    /**
     * Spring Modulith's Documenter writes the module diagram from the code; the copy in docs/architecture/ must be
     * the same. When the modules change, this test writes the new diagram there and fails once: commit it.
     */
    @Test
    void keepsTheCheckedInModuleDiagramTrue() throws IOException {
        Path out = Path.of("target", "modulith-docs");
        new Documenter(MODULES, out.toString()).writeModulesAsPlantUml();
        String generated = Files.readString(out.resolve("components.puml"));
        String checkedIn = Files.exists(CHECKED_IN) ? Files.readString(CHECKED_IN) : "";
        // the Documenter lists modules and arrows in no fixed order: compare the lines, not their order
        boolean same = sortedLines(generated).equals(sortedLines(checkedIn));
        if (!same) {
            Files.createDirectories(CHECKED_IN.getParent());
            Files.writeString(CHECKED_IN, generated);
        }
        assertThat(sortedLines(checkedIn)).as("docs/architecture/modules.puml was stale and has been rewritten: commit it")
                .isEqualTo(sortedLines(generated));
    }

    private static java.util.List<String> sortedLines(String text) {
        return text.lines().sorted().toList();
    }
}
