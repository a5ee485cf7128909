package io.kapivara.hub.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The hexagonal rules: the domain knows no adapter, and adapters meet only through ports. */
@AnalyzeClasses(packages = "io.kapivara.hub", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] DOMAIN = {
        "io.kapivara.hub.store", "io.kapivara.hub.bus", "io.kapivara.hub.ops", "io.kapivara.hub.shared"
    };

    @ArchTest
    static final ArchRule domainKnowsNoAdapterOrFramework = noClasses()
            .that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "..jdbc..", "..web..", "..notify..", "java.sql..", "javax.sql..", "org.springframework..",
                    "tools.jackson..", "com.fasterxml.jackson..", "jakarta.servlet..")
            .because("the domain and its ports know nothing of Spring, JDBC, HTTP or JSON");

    @ArchTest
    static final ArchRule storeAdaptersDoNotReachIntoOtherFeatures = noClasses()
            .that().resideInAnyPackage("io.kapivara.hub.store..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.kapivara.hub.bus..", "io.kapivara.hub.ops..", "io.kapivara.hub.ingest..",
                    "io.kapivara.hub.tail..", "io.kapivara.hub.dashboard..")
            .because("the store is the base every other feature builds on");

    @ArchTest
    static final ArchRule jdbcAdaptersDoNotCallWebAdapters = noClasses()
            .that().resideInAnyPackage("..jdbc..")
            .should().dependOnClassesThat().resideInAnyPackage("..web..")
            .because("adapters meet only through ports");

    @ArchTest
    static final ArchRule webAdaptersDoNotCallJdbcAdapters = noClasses()
            .that().resideInAnyPackage("..web..")
            .should().dependOnClassesThat().resideInAnyPackage("..jdbc..")
            .because("adapters meet only through ports");

    @ArchTest
    static final ArchRule dashboardNeverTouchesJdbc = noClasses()
            .that().resideInAnyPackage("io.kapivara.hub.dashboard..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..")
            .allowEmptyShould(true);
}
