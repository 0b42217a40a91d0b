package com.pitchgate.extract;

import java.util.HashMap;
import java.util.Map;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.CompositeParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;

/**
 * Tika's auto-detecting parser with its map of media types to parsers made once. Tika's own builds
 * that map again for every document, twice (its own map, then that of the default parser it holds,
 * each asking every parser what it supports and normalising every type): a tenth to a fifth of the
 * Tika threads' time in a profile under load (see docs/benchmarks.md). Here the map leads straight to
 * the parser of each type, as the default parser's own map would.
 *
 * <p>Every document is parsed with the same kind of context (see {@link TikaTextExtractor}), so the
 * map made with one such context is the map Tika would make for each document.
 */
final class FixedMapAutoDetectParser extends AutoDetectParser {

    private static final long serialVersionUID = 1L;

    private final Map<MediaType, Parser> byType;

    FixedMapAutoDetectParser(ParseContext representative) {
        Map<MediaType, Parser> leaves = new HashMap<>();
        super.getParsers(representative).forEach((type, parser) -> {
            Parser leaf = parser instanceof CompositeParser composite ? composite.getParsers(representative).get(type) : null;
            leaves.put(type, leaf != null ? leaf : parser);
        });
        this.byType = Map.copyOf(leaves);
        setDetector(new SignatureFirstDetector(getDetector()));
    }

    @Override
    public Map<MediaType, Parser> getParsers(ParseContext context) {
        return byType;
    }
}
