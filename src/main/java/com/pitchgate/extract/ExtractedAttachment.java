package com.pitchgate.extract;

import java.util.Optional;

/**
 * One attachment and its text.
 *
 * @param size    bytes, as received
 * @param problem why its text could not be read in full, if it could not
 */
public record ExtractedAttachment(String filename, String mediaType, long size, String text, Optional<String> problem) {
}
