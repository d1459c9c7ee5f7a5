package com.calliyo.lead.lead.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the rows of an uploaded CSV (RFC 4180, UTF-8, optional BOM; blank lines ignored) one at a time, so a file
 * of any size needs only one row in memory. Anything that makes the file unreadable as a whole (not UTF-8, binary
 * content, unbalanced quotes, no usable header) is a {@link MalformedCsvException} naming the line.
 */
final class LeadCsvReader implements Iterator<CsvRow>, Closeable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final CsvColumns columns;

    private LeadCsvReader(CSVParser parser) {
        this.parser = parser;
        this.records = parser.iterator();
        if (!hasMoreRecords()) {
            throw new MalformedCsvException("The file has no header row");
        }
        this.columns = CsvColumns.fromHeader(List.of(checked(records.next()).values()));
    }

    /** Opens {@code content} and reads its header row; the caller closes the reader (which closes the stream). */
    static LeadCsvReader open(InputStream content) {
        try {
            PushbackInputStream stream = new PushbackInputStream(content);
            int first = stream.read();
            if (first < 0) {
                throw new MalformedCsvException("The file is empty");
            }
            stream.unread(first);
            Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
            return new LeadCsvReader(CSVParser.parse(reader, FORMAT));
        } catch (IOException e) {
            closeQuietly(content);
            throw malformed(e, 1);
        } catch (RuntimeException e) {
            closeQuietly(content);
            throw e;
        }
    }

    @Override
    public boolean hasNext() {
        return hasMoreRecords();
    }

    @Override
    public CsvRow next() {
        if (!hasMoreRecords()) {
            throw new NoSuchElementException();
        }
        CSVRecord record = checked(records.next());
        List<String> values = List.of(record.values());
        return new CsvRow(record.getRecordNumber() - 1,
                columns.value(values, CsvColumn.FIRST_NAME), columns.value(values, CsvColumn.LAST_NAME),
                columns.value(values, CsvColumn.PHONE), columns.value(values, CsvColumn.EMAIL),
                columns.value(values, CsvColumn.STATUS), columns.value(values, CsvColumn.TAGS),
                columns.value(values, CsvColumn.SOURCE), columns.value(values, CsvColumn.CAMPAIGN));
    }

    @Override
    public void close() {
        closeQuietly(parser);
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // the upload's temporary file could not be closed: nothing was written through it, nothing to undo
        }
    }

    private boolean hasMoreRecords() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw malformed(e.getCause(), parser.getCurrentLineNumber() + 1);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw malformed(e, parser.getCurrentLineNumber() + 1);
        }
    }

    private CSVRecord checked(CSVRecord record) {
        for (String value : record.values()) {
            if (value.indexOf('\u0000') >= 0) {
                throw new MalformedCsvException("The file contains binary data (a NUL character) on line "
                        + parser.getCurrentLineNumber() + "; upload a CSV text file");
            }
        }
        return record;
    }

    private static MalformedCsvException malformed(Throwable cause, long line) {
        if (cause instanceof CharacterCodingException) {
            return new MalformedCsvException("The file is not UTF-8 text (near line " + line
                    + "); save it as CSV UTF-8");
        }
        // commons-csv names the line itself, e.g. "(startline 3) EOF reached before encapsulated token finished"
        return new MalformedCsvException("The file is not valid CSV: " + cause.getMessage());
    }
}
