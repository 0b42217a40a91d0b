package com.pitchgate.resources;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pitchgate.ingest.IntakeBudget;
import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * Every request body is read and screened within the {@link IntakeBudget}, held from before the first
 * byte is read until the answer is made: room for its Content-Length at once, or, for a chunked body,
 * room that grows as it is read. Without room within the wait the answer is 503 with Retry-After (from
 * here, or from {@link BusyMapper} when a chunked body outgrows the room). A body over
 * {@code intake.maxMessageSize} by its Content-Length holds nothing: it is refused with 413 unread.
 */
public final class RequestBodyBudget implements Filter {

    /** Seconds a refused client is told to wait. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final IntakeBudget budget;
    private final long maxMessageBytes;
    private final ObjectMapper json;

    public RequestBodyBudget(IntakeBudget budget, long maxMessageBytes, ObjectMapper json) {
        this.budget = budget;
        this.maxMessageBytes = maxMessageBytes;
        this.json = json;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        long length = http.getContentLengthLong();
        boolean chunked = length < 0 && http.getHeader("Transfer-Encoding") != null;
        if (length > maxMessageBytes || (length <= 0 && !chunked)) {
            chain.doFilter(request, response);
            return;
        }
        IntakeBudget.Hold hold;
        try {
            hold = budget.hold(Math.max(length, 0));
        } catch (IntakeBudget.Exhausted e) {
            refuse((HttpServletResponse) response, e.getMessage());
            return;
        }
        try (hold) {
            chain.doFilter(chunked ? new GrowingBody(http, hold) : request, response);
        }
    }

    private void refuse(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        // The body is left unread: the connection cannot carry another request.
        response.setHeader("Connection", "close");
        response.setContentType("application/json");
        json.writeValue(response.getOutputStream(), new ErrorMessage(HttpServletResponse.SC_SERVICE_UNAVAILABLE, message));
    }

    /** A chunked request whose body holds more room as it is read. */
    private static final class GrowingBody extends HttpServletRequestWrapper {
        private final IntakeBudget.Hold hold;
        private ServletInputStream body;

        GrowingBody(HttpServletRequest request, IntakeBudget.Hold hold) {
            super(request);
            this.hold = hold;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                ServletInputStream raw = super.getInputStream();
                InputStream counted = hold.reading(raw);
                body = new ServletInputStream() {
                    @Override
                    public int read() throws IOException {
                        return counted.read();
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        return counted.read(buffer, offset, length);
                    }

                    @Override
                    public boolean isFinished() {
                        return raw.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return raw.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        raw.setReadListener(listener);
                    }
                };
            }
            return body;
        }
    }
}
