package com.calliyo.reporting;

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
 * and the web layer (the reports controller and its advice) handles no storage type, so reports reach the facts
 * through facts/ rather than through Mongo themselves. There is no domain package here, so no rule about one.
 */
@AnalyzeClasses(packages = "com.calliyo.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("com.calliyo.reporting.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule webDoesNotReachPersistence = noClasses().that().resideInAPackage("..web..")
            .or().areAnnotatedWith(RestController.class).or().areAnnotatedWith(RestControllerAdvice.class)
            .or().areAnnotatedWith(ControllerAdvice.class)
            .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..",
                    "org.springframework.data.mongodb..");
}
