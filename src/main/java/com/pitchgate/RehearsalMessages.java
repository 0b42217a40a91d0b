package com.pitchgate;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The pitches the {@link Rehearsal} sends, made of the shipped categoriser texts (each " / " a line
 * break) in the shapes real mail comes in, so that each decoding and parsing path is compiled: plain
 * text, HTML, multipart/alternative in quoted-printable and base64, a reply quoting an earlier
 * message, an attachment, Latin-1, and web-form posts in JSON.
 */
final class RehearsalMessages {

    private static final int SHAPES = 6;

    private RehearsalMessages() {
    }

    /** A raw e-mail; its shape changes with {@code number}. */
    static String email(int number, String text) {
        String headers = "From: Rehearsal <rehearsal-" + number + "@pitchgate.invalid>\r\n"
                + "To: rehearsal@pitchgate.invalid\r\n"
                + "Subject: " + subject(text) + "\r\n"
                + "Date: Thu, 3 Dec 2026 09:30:00 +0100\r\n"
                + "Message-ID: <rehearsal-" + number + "@pitchgate.invalid>\r\n"
                + "MIME-Version: 1.0\r\n";
        String plain = text.replace(" / ", "\r\n");
        return switch (number % SHAPES) {
            case 0 -> headers + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + plain + "\r\n";
            case 1 -> headers + "Content-Type: text/html; charset=utf-8\r\n\r\n" + html(text) + "\r\n";
            case 2 -> headers + "Content-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n"
                    + "--alt\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                    + quotedPrintable(plain) + "\r\n"
                    + "--alt\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                    + base64(html(text)) + "\r\n--alt--\r\n";
            case 3 -> headers + "In-Reply-To: <rehearsal-" + (number - 1) + "@pitchgate.invalid>\r\n"
                    + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + plain + "\r\n\r\n"
                    + "On Wed, 2 Dec 2026 at 18:02, Rehearsal <rehearsal@pitchgate.invalid> wrote:\r\n> "
                    + plain.replace("\r\n", "\r\n> ") + "\r\n";
            case 4 -> headers + "Content-Type: multipart/mixed; boundary=\"mixed\"\r\n\r\n"
                    + "--mixed\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + plain + "\r\n"
                    + "--mixed\r\nContent-Type: text/html; charset=utf-8; name=\"offer.html\"\r\n"
                    + "Content-Disposition: attachment; filename=\"offer.html\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                    + base64(html(text)) + "\r\n--mixed--\r\n";
            default -> headers + "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                    + quotedPrintable(plain, StandardCharsets.ISO_8859_1) + "\r\n";
        };
    }

    /** A web-form post, as {@code POST /api/pitches} takes it. */
    static String form(int number, String text) {
        JsonStringEncoder json = JsonStringEncoder.getInstance();
        return "{\"name\": \"Rehearsal " + number + "\", \"email\": \"rehearsal-" + number + "@pitchgate.invalid\", "
                + "\"company\": \"Pitchgate\", \"subject\": \"" + new String(json.quoteAsString(subject(text))) + "\", "
                + "\"message\": \"" + new String(json.quoteAsString(text.replace(" / ", "\n"))) + "\"}";
    }

    private static String subject(String text) {
        return text.substring(0, Math.min(40, text.length())).replaceAll("[\\r\\n]", " ");
    }

    /** HTML as newsletters and mail programs write it: a head, tables, comments, links, entities, odd case. */
    private static String html(String text) {
        String paragraphs = text.replace("&", "&amp;").replace("<", "&lt;").replace(" / ", "</p>\r\n<P>");
        return "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">\r\n"
                + "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
                + "<title>Rehearsal</title><style type=\"text/css\">td { font-family: Arial; }</style></head>\r\n"
                + "<body bgcolor=#ffffff style=\"margin:8px\"><!-- banner -->\r\n"
                + "<table width=600 cellpadding=0 border=\"0\"><tr><td><a href=\"https://pitchgate.invalid/?a=1&amp;b=2\">"
                + "<img src=\"https://pitchgate.invalid/logo.gif\" alt=\"Logo\" width=\"120\"></a></td></tr>\r\n"
                + "<tr><td><font face=Arial size=2><P>" + paragraphs + "</p></font><br>\r\n"
                + "Cordialement,&nbsp;l&#39;&eacute;quipe <b>Rehearsal</b></td></tr></table>\r\n"
                + "<script type=\"text/javascript\">var seen = 1;</script></body></html>";
    }

    private static String base64(String text) {
        return Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String quotedPrintable(String text) {
        return quotedPrintable(text, StandardCharsets.UTF_8);
    }

    /** Quoted-printable: bytes outside printable ASCII, and '=', as =XX; lines over 72 characters broken softly. */
    private static String quotedPrintable(String text, java.nio.charset.Charset charset) {
        StringBuilder encoded = new StringBuilder();
        int lineStart = 0;
        for (byte b : text.getBytes(charset)) {
            int c = b & 0xff;
            if (encoded.length() - lineStart >= 72 && c != '\r' && c != '\n') {
                encoded.append("=\r\n");
                lineStart = encoded.length();
            }
            if (c == '\n') {
                encoded.append('\n');
                lineStart = encoded.length();
            } else if (c == '\r' || (c >= 32 && c < 127 && c != '=')) {
                encoded.append((char) c);
            } else {
                encoded.append('=').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
