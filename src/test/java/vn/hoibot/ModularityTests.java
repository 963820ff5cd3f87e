package vn.hoibot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ModularityTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("vn.hoibot");

    @Test
    void keepsModulesApartWithoutCycles() {
        ApplicationModules.of(HoiBotApplication.class).verify();
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
}
