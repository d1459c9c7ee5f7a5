package com.calliyo.lead.lead.web;

import java.util.List;

import com.calliyo.lead.lead.application.CaptureLeadCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record CaptureLeadRequest(
        @NotBlank @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        @NotBlank @Size(max = 40) String phone,
        @EmailAddress String email,
        @Size(max = 50) List<@NotBlank @Size(max = 50) String> tags,
        @Size(max = 100) String status,
        @Size(max = 100) String source,
        @Size(max = 100) String campaign) {

    CaptureLeadCommand toCommand() {
        return CaptureLeadCommand.form(firstName, lastName, phone, email, tags, status, source, campaign);
    }
}
