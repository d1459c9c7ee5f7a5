package com.calliyo.lead;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "com.calliyo.lead", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "com.mongodb..", "org.bson..", "io.cloudevents..", "com.calliyo.lead.events..");

    @ArchTest
    static final ArchRule webDoesNotReachPersistence = noClasses().that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("..persistence..");

    /** Features (and the shared kernel, the outbox) depend on each other one way only. */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("com.calliyo.lead.(*)..").should()
            .beFreeOfCycles();

    /** The shared kernel and the outbox sit below every feature: they depend on none of them. */
    @ArchTest
    static final ArchRule kernelAndOutboxDependOnNoFeature = noClasses().that()
            .resideInAnyPackage("com.calliyo.lead.shared..", "com.calliyo.lead.outbox..")
            .should().dependOnClassesThat().resideInAnyPackage("com.calliyo.lead.activity..",
                    "com.calliyo.lead.apikey..", "com.calliyo.lead.assignment..", "com.calliyo.lead.attendance..",
                    "com.calliyo.lead.auth..", "com.calliyo.lead.company..", "com.calliyo.lead.lead..",
                    "com.calliyo.lead.mobile..", "com.calliyo.lead.status..", "com.calliyo.lead.tag..",
                    "com.calliyo.lead.task..", "com.calliyo.lead.user..", "com.calliyo.lead.webhook..");

    /**
     * Inside the lead feature: web -> application -> domain; the events mapper serves the application; the
     * persistence adapter implements the domain's ports. Only dependencies between these layers are checked; other
     * features may use the lead's domain and application.
     */
    @ArchTest
    static final ArchRule leadLayers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Web").definedBy("com.calliyo.lead.lead.web..")
            .layer("Application").definedBy("com.calliyo.lead.lead.application..")
            .layer("Domain").definedBy("com.calliyo.lead.lead.domain..")
            .layer("Events").definedBy("com.calliyo.lead.lead.events..")
            .layer("Persistence").definedBy("com.calliyo.lead.lead.persistence..")
            .whereLayer("Web").mayNotBeAccessedByAnyLayer()
            .whereLayer("Application").mayOnlyBeAccessedByLayers("Web")
            .whereLayer("Events").mayOnlyBeAccessedByLayers("Application")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("Web", "Application", "Events", "Persistence")
            .whereLayer("Persistence").mayNotBeAccessedByAnyLayer();
}
