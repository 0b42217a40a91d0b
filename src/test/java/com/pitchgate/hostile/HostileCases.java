package com.pitchgate.hostile;

import com.pitchgate.support.Mails;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/** Hostile content, built by the tests themselves: nothing binary is checked in. */
final class HostileCases {

    static final String CRLF = "\r\n";

    private HostileCases() {
    }

    /** Headers of a plain message from {@code from}, followed by a blank line when {@code contentType} is null. */
    static String headers(String tag, String contentType) {
        return "From: Hostile Sender <" + tag + "@hostile.example>" + CRLF
                + "To: sophie@lafabrique.example" + CRLF
                + "Subject: hostile case " + tag + CRLF
                + "Message-ID: <" + tag + "-" + System.nanoTime() + "@hostile.example>" + CRLF
                + "MIME-Version: 1.0" + CRLF
                + (contentType == null ? "" : "Content-Type: " + contentType + CRLF);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A message with a text part and one base64 attachment. */
    static byte[] withAttachment(String tag, String filename, String type, byte[] content) {
        String boundary = "b-" + tag;
        StringBuilder mail = new StringBuilder(headers(tag, "multipart/mixed; boundary=\"" + boundary + "\""))
                .append(CRLF)
                .append("--").append(boundary).append(CRLF)
                .append("Content-Type: text/plain; charset=UTF-8").append(CRLF).append(CRLF)
                .append("Hello, please find our brochure attached. We sell coffee machines to coworking spaces.").append(CRLF)
                .append("--").append(boundary).append(CRLF)
                .append("Content-Type: ").append(type).append("; name=\"").append(filename).append("\"").append(CRLF)
                .append("Content-Disposition: attachment; filename=\"").append(filename).append("\"").append(CRLF)
                .append("Content-Transfer-Encoding: base64").append(CRLF).append(CRLF)
                .append(Base64.getMimeEncoder().encodeToString(content)).append(CRLF)
                .append("--").append(boundary).append("--").append(CRLF);
        return ascii(mail.toString());
    }

    /** A zip holding one entry of {@code megabytes} MiB of zeros: tiny compressed, huge inflated. */
    static byte[] zipBomb(String entry, int megabytes) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.setLevel(9);
                zip.putNextEntry(new ZipEntry(entry));
                byte[] zeros = new byte[1 << 20];
                for (int i = 0; i < megabytes; i++) {
                    zip.write(zeros);
                }
                zip.closeEntry();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real DOCX whose word/document.xml is written by {@code document}. */
    static byte[] docxWithDocument(DocumentWriter document) throws Exception {
        byte[] docx = Mails.docx("Ordinary text");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(docx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("word/document.xml")) {
                    document.write(zip);
                } else {
                    zip.write(in.readAllBytes());
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    interface DocumentWriter {
        void write(java.io.OutputStream out) throws IOException;
    }

    /** Billion laughs: ten levels of entities, each ten times the one before. */
    static String entityBombDoctype(String root) {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE " + root + " [\n<!ENTITY lol0 \"lol\">\n");
        for (int level = 1; level <= 9; level++) {
            dtd.append("<!ENTITY lol").append(level).append(" \"");
            for (int i = 0; i < 10; i++) {
                dtd.append("&lol").append(level - 1).append(';');
            }
            dtd.append("\">\n");
        }
        return dtd.append("]>\n").toString();
    }

    static byte[] docxEntityBomb() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + entityBombDoctype("w:document")
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r>"
                + "<w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>";
        return docxWithDocument(out -> out.write(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** A DOCX whose document.xml inflates to {@code megabytes} MiB of paragraphs, streamed, never held whole. */
    static byte[] docxZipBomb(int megabytes) throws Exception {
        return docxWithDocument(out -> {
            out.write(ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\""
                    + "http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"));
            byte[] paragraph = ascii("<w:p><w:r><w:t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</w:t></w:r></w:p>");
            byte[] block = ascii(new String(paragraph, StandardCharsets.ISO_8859_1).repeat((1 << 20) / paragraph.length));
            for (int i = 0; i < megabytes; i++) {
                out.write(block);
            }
            out.write(ascii("</w:body></w:document>"));
        });
    }

    static byte[] encryptedPdf() throws Exception {
        try (PDDocument document = Loader.loadPDF(Mails.pdf("Secret brochure: coffee machines for coworking spaces"))) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A PDF cut in half, with bytes flipped in what is left. */
    static byte[] corruptedPdf() throws Exception {
        byte[] pdf = Mails.pdf("Brochure: coffee machines for coworking spaces, cut and scrambled");
        byte[] cut = java.util.Arrays.copyOf(pdf, pdf.length / 2);
        Random random = new Random(8);
        for (int i = 0; i < 40; i++) {
            int at = 20 + random.nextInt(cut.length - 20);
            cut[at] = (byte) ~cut[at];
        }
        return cut;
    }

    /** {@code depth} multiparts, each holding the next. */
    static byte[] deepMultipart(String tag, int depth) {
        StringBuilder mail = new StringBuilder(headers(tag, "multipart/mixed; boundary=\"d0\"")).append(CRLF);
        for (int level = 0; level < depth; level++) {
            mail.append("--d").append(level).append(CRLF)
                    .append("Content-Type: multipart/mixed; boundary=\"d").append(level + 1).append("\"").append(CRLF).append(CRLF);
        }
        mail.append("--d").append(depth).append(CRLF).append("Content-Type: text/plain").append(CRLF).append(CRLF)
                .append("The bottom of the nest.").append(CRLF).append("--d").append(depth).append("--").append(CRLF);
        for (int level = depth - 1; level >= 0; level--) {
            mail.append("--d").append(level).append("--").append(CRLF);
        }
        return ascii(mail.toString());
    }

    /** A message forwarding a message forwarding a message... {@code depth} times, as message/rfc822 parts. */
    static byte[] deepForwards(String tag, int depth) {
        String inner = "From: bottom@hostile.example" + CRLF + "Subject: bottom" + CRLF + CRLF + "The bottom message." + CRLF;
        for (int level = 0; level < depth; level++) {
            inner = "From: level" + level + "@hostile.example" + CRLF + "Subject: fwd " + level + CRLF
                    + "Content-Type: multipart/mixed; boundary=\"f" + level + "\"" + CRLF + CRLF
                    + "--f" + level + CRLF + "Content-Type: message/rfc822" + CRLF + CRLF + inner + CRLF
                    + "--f" + level + "--" + CRLF;
        }
        return ascii(headers(tag, "multipart/mixed; boundary=\"top\"") + CRLF + "--top" + CRLF
                + "Content-Type: message/rfc822" + CRLF + CRLF + inner + CRLF + "--top--" + CRLF);
    }

    static byte[] mixedCharsets(String tag) {
        String boundary = "mixed-" + tag;
        byte[] head = concat(
                ascii("From: =?ISO-8859-1?Q?Ren=E9_Fran=E7ois?= <" + tag + "@hostile.example>" + CRLF),
                "X-Raw-Utf8: Zoë Åsa — raw UTF-8 in a header".getBytes(StandardCharsets.UTF_8), ascii(CRLF),
                ascii("To: sophie@lafabrique.example" + CRLF
                        + "Subject: =?KOI8-R?B?" + Base64.getEncoder().encodeToString("Привет".getBytes(Charset.forName("KOI8-R")))
                        + "?= =?UTF-8?Q?caf=C3=A9?=" + CRLF
                        + "Message-ID: <" + tag + "-" + System.nanoTime() + "@hostile.example>" + CRLF
                        + "MIME-Version: 1.0" + CRLF
                        + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"" + CRLF + CRLF
                        + "--" + boundary + CRLF + "Content-Type: text/plain; charset=windows-1252" + CRLF + CRLF),
                "Bonjour, nous cherchons un bureau \u2013 caf\u00e9 compris. \u20ac 200 ?".getBytes(Charset.forName("windows-1252")),
                ascii(CRLF + "--" + boundary + CRLF + "Content-Type: text/plain; charset=KOI8-R" + CRLF + CRLF),
                "Здравствуйте, нужен офис.".getBytes(Charset.forName("KOI8-R")),
                ascii(CRLF + "--" + boundary + CRLF + "Content-Type: text/plain; charset=UTF-16LE" + CRLF
                        + "Content-Transfer-Encoding: base64" + CRLF + CRLF
                        + Base64.getMimeEncoder().encodeToString("日本語のテキスト".getBytes(StandardCharsets.UTF_16LE)) + CRLF
                        + "--" + boundary + "--" + CRLF));
        return head;
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String nested(String open, String close, int depth, String middle) {
        return open.repeat(depth) + middle + close.repeat(depth);
    }
}
