package com.calliyo.lead.status;

/** The body of adding or renaming a status; the name's rules are the pipeline's (see {@link Pipeline#validName}). */
record StatusNameRequest(String name) {
}
