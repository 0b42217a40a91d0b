package com.pitchgate.extract;

import java.util.Optional;

/** Text read from one document, the media type Tika found, and what went wrong if anything did. */
public record ExtractedText(String text, String mediaType, Optional<String> problem) {
}
