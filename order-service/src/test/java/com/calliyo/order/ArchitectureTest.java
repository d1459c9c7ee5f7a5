package com.calliyo.order;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rules of this service, as for lead-service: its feature packages import each other one way only,
 * a domain package knows no framework, and the web layer (controllers, their advice, web/) handles no storage type.
 * The stores live beside their feature rather than in persistence/ packages, so persistence is recognised by the
 * Mongo driver, BSON and Spring Data MongoDB types a class would touch, not by where it lives.
 */
@AnalyzeClasses(packages = "com.calliyo.order", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("com.calliyo.order.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "com.mongodb..", "org.bson..", "io.cloudevents..");

    @ArchTest
    static final ArchRule webDoesNotReachPersistence = noClasses().that().resideInAPackage("..web..")
            .or().areAnnotatedWith(RestController.class).or().areAnnotatedWith(RestControllerAdvice.class)
            .or().areAnnotatedWith(ControllerAdvice.class)
            .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..",
                    "org.springframework.data.mongodb..");
}
