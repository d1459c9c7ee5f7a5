package com.calliyo.lead.lead.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.calliyo.lead.caller.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;

/**
 * Imports that answer at once (202) and run on a small pool, for files that take longer than an HTTP request should
 * (a 10 MB file on the embedded file store takes minutes). The upload is copied to a temporary file and read through
 * once before answering, so a malformed file is still a 400 and nothing is written; the job's counts are stored after
 * every batch ({@link ImportJobs}) for the client to poll.
 */
@Service
public class BackgroundImports implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BackgroundImports.class);

    private final ImportLeads importLeads;
    private final ImportJobs jobs;
    private final ThreadPoolExecutor pool;

    BackgroundImports(ImportLeads importLeads, ImportJobs jobs, ImportProperties properties) {
        this.importLeads = importLeads;
        this.jobs = jobs;
        this.pool = new ThreadPoolExecutor(properties.backgroundThreads(), properties.backgroundThreads(),
                0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(properties.backgroundQueue()),
                runnable -> {
                    Thread thread = new Thread(runnable, "lead-import");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Starts an import of {@code file} and returns its job, RUNNING.
     *
     * @throws MalformedCsvException   when the file cannot be read as a CSV of leads (no job, nothing written)
     * @throws TooManyImportsException when the pool and its queue are full
     */
    public ImportJob start(Caller caller, InputStreamSource file, String fileName, boolean dryRun) {
        importLeads.checkAllowed(caller);
        Path copy = copy(file);
        try {
            FileSystemResource source = new FileSystemResource(copy);
            ImportLeads.readThrough(source);
            String id = UUID.randomUUID().toString();
            jobs.started(id, caller.companyId(), caller.userId(), dryRun, fileName);
            try {
                pool.execute(() -> run(caller, source, dryRun, id));
            } catch (RejectedExecutionException e) {
                jobs.failed(id, "Not started: too many imports were running or waiting");
                throw new TooManyImportsException();
            }
            return find(caller, id);
        } catch (RuntimeException e) {
            deleteQuietly(copy);
            throw e;
        }
    }

    public ImportJob find(Caller caller, String id) {
        return jobs.find(caller.companyId(), id).orElseThrow(ImportJobNotFoundException::new);
    }

    private void run(Caller caller, FileSystemResource file, boolean dryRun, String id) {
        try {
            ImportSummary summary = importLeads.run(caller, file, dryRun, dryRun ? null : id,
                    soFar -> jobs.progressed(id, soFar));
            jobs.succeeded(id, summary);
        } catch (MalformedCsvException e) {
            jobs.failed(id, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Background import {} of company {} failed", id, caller.companyId(), e);
            jobs.failed(id, "The import stopped on an internal error; the leads imported so far are kept, and "
                    + "importing the file again skips them as duplicates");
        } finally {
            deleteQuietly(file.getFile().toPath());
        }
    }

    private static Path copy(InputStreamSource file) {
        try (InputStream content = file.getInputStream()) {
            Path copy = Files.createTempFile("lead-import-", ".csv");
            Files.copy(content, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the uploaded file", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot delete the import copy {}: {}", file, e.toString());
        }
    }

    @Override
    public void destroy() {
        pool.shutdownNow(); // a job cut short here is reported INTERRUPTED once its progress goes stale
    }
}
