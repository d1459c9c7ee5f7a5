package com.calliyo.lead.lead.web;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Uploads the servlet container could not take apart, as problem+json: too large → 413, not a readable
 * multipart/form-data body → 400 (Spring's own handler covers only the first, so without this the second would be a
 * 500). Ordered first so that both always come here, whichever handler is registered first.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MultipartProblems {

    private final DataSize maxFileSize;

    MultipartProblems(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    @ExceptionHandler
    ProblemDetail multipart(MultipartException ex) {
        if (ex instanceof MaxUploadSizeExceededException) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "File too large",
                    "must be at most " + maxFileSize.toMegabytes() + " MB");
        }
        return problem(HttpStatus.BAD_REQUEST, "Malformed upload",
                "must be sent as a multipart/form-data part named file");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "file " + message);
        problem.setTitle(title);
        problem.setProperty("errors", List.of(Map.of("field", "file", "message", message)));
        return problem;
    }
}
