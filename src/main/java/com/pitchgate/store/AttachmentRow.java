package com.pitchgate.store;

/** The {@code attachments} row: one attachment's extracted text, or why it could not be read. */
public record AttachmentRow(long pitchId, int ordinal, String filename, String mediaType, long size, String text, String problem) {
}
