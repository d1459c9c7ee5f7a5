package com.calliyo.web.leads.imports;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.web.multipart.MultipartFile;

/** The picked file, read once: web-app keeps nothing between requests, so each step sends the file again. */
record CsvFile(String name, byte[] bytes) {

    static CsvFile of(MultipartFile file) {
        try {
            String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                    ? "leads.csv" : file.getOriginalFilename();
            return new CsvFile(name, file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isEmpty() {
        return bytes.length == 0;
    }
}
