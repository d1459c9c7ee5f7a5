package com.calliyo.tokencheck;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The configuration this module's slice tests start from; it scans nothing, each test imports what it needs. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TokenCheckTestApplication {
}
