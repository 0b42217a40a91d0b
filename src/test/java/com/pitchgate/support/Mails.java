package com.pitchgate.support;

import jakarta.activation.DataHandler;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.util.Properties;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Builds real e-mails and documents for tests: MIME with Jakarta Mail, PDF with PDFBox, DOCX with POI. */
public final class Mails {

    private Mails() {
    }

    /** An HTML e-mail, with a PDF attachment when {@code pdfText} is not null. */
    public static byte[] htmlMail(String from, String messageId, String subject, String html, String pdfText) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(from));
        message.setRecipients(MimeMessage.RecipientType.TO, "sophie@lafabrique.example");
        message.setSubject(subject, "UTF-8");
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(html, "text/html; charset=UTF-8");
        mixed.addBodyPart(body);
        if (pdfText != null) {
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf(pdfText), "application/pdf")));
            attachment.setFileName("brochure.pdf");
            attachment.setDisposition(MimeBodyPart.ATTACHMENT);
            mixed.addBodyPart(attachment);
        }
        message.setContent(mixed);
        message.saveChanges();
        message.setHeader("Message-ID", messageId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    /** A one-page PDF holding {@code text}. */
    public static byte[] pdf(String text) throws Exception {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                content.newLineAtOffset(50, 700);
                content.showText(text);
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A DOCX holding {@code text} in one paragraph. */
    public static byte[] docx(String text) throws Exception {
        try (XWPFDocument document = new XWPFDocument()) {
            document.createParagraph().createRun().setText(text);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        }
    }

    /** A plain-text pitch of about {@code size} bytes (an ordinary question, then padding lines). */
    public static byte[] padded(String messageId, int size) {
        StringBuilder raw = new StringBuilder("From: anna@brightlabs.example\r\nTo: sophie@lafabrique.example\r\n"
                + "Subject: Desks for a team\r\nMessage-ID: " + messageId + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Hello, do you have three desks from next month? What are your rates?\r\n");
        while (raw.length() < size) {
            raw.append("We would also like to know about the meeting rooms and the phone booths.\r\n");
        }
        return raw.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
