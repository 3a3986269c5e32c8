package dev.wsbench.cli;

import dev.wsbench.frames.FrameCodec;
import dev.wsbench.frames.MalformedFrame;
import dev.wsbench.library.Library;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prints {@link MalformedFrame}'s catalogue as a Markdown table, one column per library with a
 * reachable parser ({@link Library#withCodec()}): what {@code bin/malformed-table} writes into
 * docs/frames.md.
 */
public final class MalformedFrameTable {
    private MalformedFrameTable() {
    }

    public static void main(String[] args) {
        Map<String, FrameCodec> codecs = new LinkedHashMap<>();
        for (Library l : Library.withCodec()) {
            codecs.put(l.displayName(), l.newCodec());
        }
        System.out.print(MalformedFrame.markdownTable(codecs));
    }
}
