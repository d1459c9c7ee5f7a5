package com.calliyo.web;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rule of the web app, as for the services: its feature packages import each other one way only.
 * The web app has no domain package and no store (it reads everything through the services' APIs), so the
 * services' rules about those have nothing to check here.
 *
 * <p>Three edges close cycles that were there when the rule came in, and are named here so that no new one can
 * join them: the gateway client reads the session it signs requests with (api → auth), the shared layout and
 * error advice read the viewer and send to sign-in (shared → auth), and the lead list asks whether the order
 * module is on before it offers conversion (leads → conversion). Untangling them moves session and viewer types
 * between packages; until then each is allowed by name, nothing wider.
 */
@AnalyzeClasses(packages = "com.calliyo.web", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("com.calliyo.web.(*)..")
            .should().beFreeOfCycles()
            .ignoreDependency(nameMatching("com\\.calliyo\\.web\\.api\\.GatewayApi(\\$.*)?"),
                    nameMatching("com\\.calliyo\\.web\\.auth\\.(WebSession|SessionExpiredException)(\\$.*)?"))
            .ignoreDependency(nameMatching("com\\.calliyo\\.web\\.shared\\.[^.]+"),
                    nameMatching("com\\.calliyo\\.web\\.auth\\.(Viewer|SignInRedirect|SessionExpiredException)(\\$.*)?"))
            .ignoreDependency(nameMatching("com\\.calliyo\\.web\\.leads\\.LeadsController(\\$.*)?"),
                    nameMatching("com\\.calliyo\\.web\\.conversion\\.OrdersApi"));
}
