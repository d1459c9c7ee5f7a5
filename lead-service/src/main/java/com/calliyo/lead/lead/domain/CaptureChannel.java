package com.calliyo.lead.lead.domain;

/** How a lead entered the CRM; kept as captured, never rewritten (attribution). */
public enum CaptureChannel {
    FORM, CSV, WEBHOOK, API
}
