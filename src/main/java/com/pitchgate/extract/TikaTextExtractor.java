package com.pitchgate.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * Plain text of one document (HTML, PDF, DOCX, plain text...) with Apache Tika, within a size and
 * time budget. Documents embedded inside a document are not followed: MIME nesting is handled, and
 * bounded, by {@link MailExtractor}.
 */
public final class TikaTextExtractor implements AutoCloseable {

    private static final EncodingDetector UTF8 = (input, metadata) -> StandardCharsets.UTF_8;

    private final Parser parser = new FixedMapAutoDetectParser(context());
    /**
     * For HTML bodies: their type is known, and their text already decoded (Jakarta Mail applied the
     * part's charset) and handed over as UTF-8, so neither type nor charset is detected again. Detecting
     * both was a third of the cost of reading a short HTML mail, and a {@code <meta charset>} naming
     * another charset made the UTF-8 misread.
     */
    private final Parser html = new JSoupParser();
    private final int maxChars;
    private final ExecutorService parsing;

    public TikaTextExtractor(int maxChars, int threads) {
        this.maxChars = maxChars;
        AtomicInteger count = new AtomicInteger();
        this.parsing = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "tika-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * @param declaredType the media type the sender declared, a hint only; may be null
     * @param filename     a hint for type detection; may be null
     */
    public ExtractedText extract(byte[] content, String declaredType, String filename, Deadline deadline) {
        return withinBudget(() -> parse(parser, content, declaredType, filename, context()), declaredType, deadline);
    }

    /** The text of an HTML body, already decoded. */
    public ExtractedText extractHtml(String body, Deadline deadline) {
        String type = "text/html; charset=UTF-8";
        ParseContext context = context();
        context.set(EncodingDetector.class, UTF8);
        return withinBudget(() -> parse(html, body.getBytes(StandardCharsets.UTF_8), type, null, context), type, deadline);
    }

    /** Runs a parse on the parsing pool, giving up (with a problem saying so) when the deadline passes. */
    private ExtractedText withinBudget(Callable<ExtractedText> parsingTask, String declaredType, Deadline deadline) {
        if (deadline.passed()) {
            return new ExtractedText("", orUnknown(declaredType), Optional.of("not read: time budget used up"));
        }
        Future<ExtractedText> parse = parsing.submit(parsingTask);
        try {
            return parse.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            parse.cancel(true);
            return new ExtractedText("", orUnknown(declaredType), Optional.of("not read: extraction ran past its time budget"));
        } catch (InterruptedException e) {
            parse.cancel(true);
            Thread.currentThread().interrupt();
            return new ExtractedText("", orUnknown(declaredType), Optional.of("not read: interrupted"));
        } catch (ExecutionException e) {
            return new ExtractedText("", orUnknown(declaredType), Optional.of("not read: " + describe(e.getCause())));
        }
    }

    private ExtractedText parse(Parser using, byte[] content, String declaredType, String filename, ParseContext context)
            throws IOException {
        Metadata metadata = new Metadata();
        if (filename != null && !filename.isBlank()) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
        }
        if (declaredType != null && !declaredType.isBlank()) {
            metadata.set(Metadata.CONTENT_TYPE, declaredType);
        }
        BodyContentHandler handler = new BodyContentHandler(maxChars);
        Optional<String> problem = Optional.empty();
        try (TikaInputStream stream = TikaInputStream.get(content)) {
            using.parse(stream, handler, metadata, context);
        } catch (SAXException e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                problem = Optional.of("partly read: " + describe(e));
            } else {
                problem = Optional.of("text cut at " + maxChars + " characters");
            }
        } catch (EncryptedDocumentException e) {
            problem = Optional.of("not read: the document is encrypted");
        } catch (TikaException | RuntimeException e) {
            problem = Optional.of("not read: " + describe(e));
        }
        String mediaType = Optional.ofNullable(metadata.get(Metadata.CONTENT_TYPE)).orElse(orUnknown(declaredType));
        return new ExtractedText(normalise(handler.toString()), baseType(mediaType), problem);
    }

    /**
     * Office documents are read with POI's streaming (SAX) extractors: the default ones build the whole
     * document in memory first, and a 350 KB DOCX whose document.xml inflates to 100 MiB then ran for
     * 90 s after its time budget and ended in an OutOfMemoryError (HostileInputTest). Streaming, the
     * text limit stops it at maxChars.
     */
    static ParseContext context() {
        OfficeParserConfig office = new OfficeParserConfig();
        office.setUseSAXDocxExtractor(true);
        office.setUseSAXPptxExtractor(true);
        ParseContext context = new ParseContext();
        context.set(OfficeParserConfig.class, office);
        return context;
    }

    static String normalise(String text) {
        return Whitespace.normalise(text);
    }

    private static String baseType(String mediaType) {
        int parameters = mediaType.indexOf(';');
        return (parameters < 0 ? mediaType : mediaType.substring(0, parameters)).strip();
    }

    private static String orUnknown(String declaredType) {
        return declaredType == null || declaredType.isBlank() ? "application/octet-stream" : baseType(declaredType);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void close() {
        parsing.shutdownNow();
    }
}
