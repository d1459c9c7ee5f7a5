package com.calliyo.systemtests;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web client installs as a progressive web app: a manifest the browser reads, a service worker that takes
 * control, and an offline page it keeps for when the network is gone.
 */
class WebInstallableIT {

    private final Suite suite = Suite.shared();

    @Test
    void shouldRegisterItsServiceWorkerReadItsManifestAndKeepAnOfflinePage() {
        try (Browser browser = Browser.open(suite.gateway().baseUrl(), Browser.PHONE)) {
            Screen screen = browser.screen();
            screen.open("/sign-in");

            @SuppressWarnings("unchecked")
            Map<String, Object> installed = (Map<String, Object>) browser.driver().executeAsyncScript("""
                    var done = arguments[arguments.length - 1];
                    navigator.serviceWorker.ready
                      .then(function (registration) {
                        return fetch(document.querySelector('link[rel=manifest]').href)
                          .then(function (answer) { return answer.json(); })
                          .then(function (manifest) {
                            done({scope: registration.scope, active: !!registration.active, name: manifest.name,
                                  display: manifest.display, icons: manifest.icons.length});
                          });
                      })
                      .catch(function (error) { done({error: String(error)}); });
                    """);
            assertThat(installed).doesNotContainKey("error").containsEntry("active", true)
                    .containsEntry("name", "Calliyo").containsEntry("display", "standalone")
                    .containsEntry("icons", 2L);
            assertThat(installed.get("scope").toString()).endsWith("/");
            // The worker controls pages loaded after it took over.
            screen.open("/sign-in");
            await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(browser.driver()
                    .executeScript("return navigator.serviceWorker.controller !== null")));

            // What it shows when a navigation cannot reach the network: the offline page, cached at install.
            // (Chrome's network emulation does not reach a service worker's own requests, so the fallback itself
            // is not driven here.)
            Object cached = browser.driver().executeAsyncScript("""
                    var done = arguments[arguments.length - 1];
                    caches.match('/offline.html').then(function (page) { return page ? page.text() : null; })
                      .then(done, function (error) { done('error: ' + error); });
                    """);
            assertThat(cached).asString().contains("You are offline", "Nothing you saved is lost");
            screen.open("/offline.html");
            browser.screenshot("offline-phone");
        }
    }
}
