package com.calliyo.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rule of the gateway, as for the services: its feature packages import each other one way only.
 * The gateway has no domain package and no store, so the services' rules about those have nothing to check here.
 */
@AnalyzeClasses(packages = "com.calliyo.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("com.calliyo.gateway.(*)..")
            .should().beFreeOfCycles();
}
