package com.calliyo.lead.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A generated import file just under {@code maxBytes}: unique phones, except that every 40th row repeats the phone of
 * the row ten before it (spelled differently) and every 40th row, offset by 20, uses a phone the company already has
 * (as long as there are such phones) — about 5% duplicates in all.
 */
record BenchCsvFile(Path path, long bytes, int rows, int duplicatesInFile, int duplicatesOfCompany) {

    private static final List<String> STATUSES = List.of("", "", "Interested", "Busy", "not picked");
    private static final List<String> TAGS = List.of("", "hot", "\"web;diwali\"", "Referral", "hot,VIP");

    static BenchCsvFile generate(long maxBytes, long phoneBase, List<String> companyPhones) throws IOException {
        Path path = Files.createTempFile("capture-bench", ".csv");
        int rows = 0;
        int inFile = 0;
        int ofCompany = 0;
        long bytes = 0;
        try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            String header = "FirstName,LastName,Phone,Email,Status,Tags\n";
            out.write(header);
            bytes += header.length();
            while (true) {
                String phone;
                if (rows % 40 == 39) {
                    phone = "0" + tenDigits(phoneBase + rows - 10); // row - 10 is an ordinary row
                    inFile++;
                } else if (rows % 40 == 19 && ofCompany < companyPhones.size()) {
                    phone = companyPhones.get(ofCompany++);
                } else {
                    phone = "+91 " + tenDigits(phoneBase + rows);
                }
                String line = "Lead" + rows + ",Sharma" + (rows % 997) + "," + phone + ",lead" + rows
                        + ".sharma@example.com," + STATUSES.get(rows % STATUSES.size()) + ","
                        + TAGS.get(rows % TAGS.size()) + "\n";
                if (bytes + line.length() > maxBytes) {
                    break;
                }
                out.write(line);
                bytes += line.length();
                rows++;
            }
        }
        return new BenchCsvFile(path, bytes, rows, inFile, ofCompany);
    }

    /** A ten-digit Indian mobile number starting with 98. */
    static String tenDigits(long n) {
        return "98" + String.format("%08d", Math.floorMod(n, 100_000_000L));
    }
}
