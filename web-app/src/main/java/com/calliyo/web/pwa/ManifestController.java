package com.calliyo.web.pwa;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The web app manifest that makes the client installable (with static/sw.js, offline.html and icons/). Served here
 * rather than as a static file because browsers want its own media type, which no file ending maps to.
 */
@Controller
class ManifestController {

    static final String MEDIA_TYPE = "application/manifest+json";
    private static final Resource MANIFEST = new ClassPathResource("pwa-manifest.json");

    @GetMapping(value = "/manifest.webmanifest", produces = MEDIA_TYPE)
    ResponseEntity<Resource> manifest() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(MANIFEST);
    }
}
