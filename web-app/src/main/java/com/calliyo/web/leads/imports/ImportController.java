package com.calliyo.web.leads.imports;

import java.util.Map;
import java.util.UUID;

import com.calliyo.web.api.ApiException;
import com.calliyo.web.api.ApiProblem;
import com.calliyo.web.shared.FormProblem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * "Import CSV": pick a file, preview its first rows with the column mapping and the dry run's row errors, then
 * import it in the background and follow the job's progress to its summary. No file is kept here between steps
 * (any instance serves any request): the import posts the same picked file again.
 */
@Controller
class ImportController {

    static final String VIEW = "leads/import";
    static final String JOB_VIEW = "leads/import-job";
    static final long MAX_BYTES = 10L * 1024 * 1024;

    private final ImportsApi imports;

    ImportController(ImportsApi imports) {
        this.imports = imports;
    }

    @GetMapping("/leads/import")
    String form(Model model) {
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return VIEW;
    }

    @PostMapping("/leads/import/preview")
    String preview(@RequestParam(required = false) MultipartFile file,
                   @RequestParam(required = false) String idempotencyKey, Model model, HttpServletResponse response) {
        model.addAttribute("idempotencyKey", keyOr(idempotencyKey));
        try {
            CsvFile csv = picked(file);
            model.addAttribute("fileName", csv.name());
            model.addAttribute("preview", CsvPreview.of(csv.bytes()));
            model.addAttribute("dryRun", imports.dryRun(csv));
            return VIEW;
        } catch (ApiException e) {
            return FormProblem.render(e, model, response, VIEW);
        }
    }

    @PostMapping("/leads/import")
    String start(@RequestParam(required = false) MultipartFile file,
                 @RequestParam(required = false) String idempotencyKey, Model model, HttpServletResponse response) {
        String key = keyOr(idempotencyKey);
        try {
            CsvFile csv = picked(file);
            ImportJob job = imports.start(csv, key);
            return "redirect:/leads/import/" + job.id() + "?rows=" + CsvPreview.of(csv.bytes()).totalRows();
        } catch (ApiException e) {
            // A refused file is a different request once corrected; a retry after 503 keeps the key.
            model.addAttribute("idempotencyKey", e.problem().isTemporary() ? key : UUID.randomUUID().toString());
            return FormProblem.render(e, model, response, VIEW);
        }
    }

    @GetMapping("/leads/import/{id}")
    String job(@PathVariable String id, @RequestParam(defaultValue = "0") int rows, Model model) {
        ImportJob job = imports.job(id);
        model.addAttribute("job", job);
        model.addAttribute("rows", Math.max(rows, 0));
        model.addAttribute("percent", job.percent(rows));
        return JOB_VIEW;
    }

    private static CsvFile picked(MultipartFile file) {
        if (file != null && file.getSize() > MAX_BYTES) {
            // Normally refused while reading the request (ImportTooLargeAdvice); this covers a raised server limit.
            throw new ApiException(new ApiProblem(413, "Content too large", ImportTooLargeAdvice.TOO_LARGE,
                    Map.of("file", ImportTooLargeAdvice.TOO_LARGE), Map.of()));
        }
        CsvFile csv = file == null ? null : CsvFile.of(file);
        if (csv == null || csv.isEmpty()) {
            throw new ApiException(new ApiProblem(400, "Bad request", "Pick a CSV file first",
                    Map.of("file", "Pick a CSV file (UTF-8, with FirstName and Phone columns)"), Map.of()));
        }
        return csv;
    }

    private static String keyOr(String key) {
        return key == null || key.isBlank() ? UUID.randomUUID().toString() : key;
    }
}
