package com.calliyo.lead.lead.imports;

import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;

/** No import with this id in the caller's company. */
public class ImportJobNotFoundException extends ApiException {

    ImportJobNotFoundException() {
        super(HttpStatus.NOT_FOUND, "Import not found", "No import with this id in your company");
    }
}
