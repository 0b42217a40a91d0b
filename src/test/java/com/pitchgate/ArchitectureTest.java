package com.pitchgate;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.ws.rs.Path;

/**
 * The package structure (issue 24): each top-level package a stage or a service with one
 * direction of use, so that a package can be read, tested and changed from the ones below it.
 * These rules read the compiled main classes, not the tests.
 */
@AnalyzeClasses(packages = "com.pitchgate", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** No two top-level packages (subpackages counted with theirs) use each other, directly or around a loop. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("com.pitchgate.(*)..").should().beFreeOfCycles();

    /** The root package wires everything together; nothing may reach back into it. */
    @ArchTest
    static final ArchRule nothingDependsOnTheCompositionRoot = noClasses()
            .that().resideOutsideOfPackage("com.pitchgate")
            .should().dependOnClassesThat().resideInAPackage("com.pitchgate");

    /** The plugin API is its own jar (classifier policy-api): plugins compile against it alone. */
    @ArchTest
    static final ArchRule pluginApiStandsAlone = noClasses()
            .that().resideInAPackage("com.pitchgate.spi..")
            .should().dependOnClassesThat(resideInAPackage("com.pitchgate..").and(resideOutsideOfPackage("com.pitchgate.spi..")));

    /** The store is the one package that speaks to the database through Jdbi; the others use what it offers. */
    @ArchTest
    static final ArchRule jdbiOnlyInTheStore = noClasses()
            .that().resideOutsideOfPackage("com.pitchgate.store..")
            .should().dependOnClassesThat().resideInAPackage("org.jdbi..");

    /**
     * The CRM owns its records and declares the repositories it needs ({@code CrmMemory}, {@code Declines},
     * {@code Intros}, {@code Timelines}, {@code Overrides}); the store implements them. Were {@code crm} to
     * use a store class again, the store could no longer implement them without a cycle.
     */
    @ArchTest
    static final ArchRule crmDoesNotUseTheStore = noClasses()
            .that().resideInAPackage("com.pitchgate.crm..")
            .should().dependOnClassesThat().resideInAPackage("com.pitchgate.store..");

    /**
     * Dropwizard's layout: {@code api} holds the representations (what requests and answers carry),
     * {@code resources} the JAX-RS resources that take and give them. A resource put back in {@code api}
     * would mix the two again.
     */
    @ArchTest
    static final ArchRule noResourceInTheApi = noClasses()
            .that().resideInAPackage("com.pitchgate.api..")
            .should().beAnnotatedWith(Path.class)
            .orShould().dependOnClassesThat().resideInAPackage("com.pitchgate.resources..");
}
