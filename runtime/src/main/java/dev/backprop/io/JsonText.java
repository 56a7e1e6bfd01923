package dev.backprop.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backprop.nn.FormatError;
import java.io.IOException;

/**
 * JSON text to a tree, with errors a learner can act on: where the text stops being JSON (line,
 * column and the field being read), and, for a defect found later in the tree, where that field
 * is in the text. A message never quotes the text (the parser's own messages do, so they are
 * replaced by a description of the kind of defect).
 */
final class JsonText {
    private JsonText() {
    }

    /** Opens a fresh parser over the same text each time (the text is read again to locate a field). */
    interface Source {
        JsonParser open() throws IOException;
    }

    /** The one JSON value in the text; anything else is a FormatError naming {@code name}. */
    static JsonNode parse(ObjectMapper mapper, Source src, String name) {
        try (JsonParser p = src.open()) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new FormatError(name + " is empty: expected a network document, a JSON object starting with"
                        + " {\"format\": \"" + NetworkJson.FORMAT + "\", …} (write one with net.save(path))");
            }
            JsonNode root = mapper.readTree(p);
            if (p.nextToken() != null) {
                throw new FormatError(name + where(p.currentTokenLocation()) + ": there is more text after the end of"
                        + " the network document; a file holds exactly one document (were two files joined?)");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonStreamContext ctx = e.getProcessor() instanceof JsonParser p ? p.getParsingContext() : null;
            String original = firstLine(e.getOriginalMessage());
            if (e instanceof JsonEOFException || original.contains("end-of-input")) {
                throw new FormatError(name + where(e.getLocation()) + ": the document ends early, " + openPart(ctx)
                        + "; the file is truncated (an interrupted copy or save?); restore it or save the network again",
                        null);
            }
            if (e instanceof StreamConstraintsException) {
                // Jackson's own limits (nesting depth, number or text length): say it in our words
                String what = original.contains("depth") ? "arrays or objects are nested too deeply"
                        : "a number or text in it is too long";
                throw new FormatError(name + where(e.getLocation()) + ": this is not a network document: " + what
                        + " (a network document nests only a few levels: {layers: [{W: [[…]]}]}); the file is damaged"
                        + " or not a network file", null);
            }
            FieldPath at = ctx == null ? FieldPath.ROOT : FieldPath.of(ctx);
            throw new FormatError(name + where(e.getLocation()) + ": this is not valid JSON"
                    + (at.isRoot() ? "" : " at " + at.display()) + ": " + defect(original)
                    + "; the file is damaged or not a network file", null);
        } catch (IOException e) {
            throw new FormatError(name + ": could not be read as JSON text (bytes that are not valid UTF-8, -16 or"
                    + " -32 text?); the file is damaged or not a network file", null);
        }
    }

    /** Jackson's message prefixes (which go on to quote the text) and what each means, in our words. */
    private static final String[][] DEFECTS = {
        {"Unexpected character", "a character that cannot come here"},
        {"Unrecognized token", "a word that is not JSON (expected a quoted text, a number, an array, an object,"
                + " true, false or null)"},
        {"Illegal unquoted character", "a control character inside a text (write it escaped, e.g. \\n)"},
        {"Unrecognized character escape", "an unknown escape after a backslash inside a text"},
        {"Invalid UTF-8", "bytes that are not valid UTF-8 text"},
        {"Invalid UTF-16", "bytes that are not valid UTF-16 text"},
        {"Invalid UTF-32", "bytes that are not valid UTF-32 text"},
        {"Duplicate field", "a field given twice in the same object"},
        {"Invalid numeric value", "a malformed number"},
        {"Leading zeroes", "a number with leading zeroes"},
        {"Non-standard token", "a non-standard number"},
        {"Unexpected close marker", "a closing bracket or brace that matches no opening one"},
        {"Unexpected end-of-input", "the text ends early"},
    };

    /** The kind of defect a parser message reports, without the text it quotes. */
    static String defect(String parserMessage) {
        for (String[] d : DEFECTS) {
            if (parserMessage.startsWith(d[0])) {
                return d[1];
            }
        }
        return "text that is not JSON";
    }

    /** The innermost object or array still open when the text ended: {@code inside layers[0].W}. */
    private static String openPart(JsonStreamContext ctx) {
        if (ctx == null || ctx.inRoot()) {
            return "before its first value";
        }
        FieldPath container = FieldPath.of(ctx.getParent());
        if (ctx.inArray()) {
            return "inside " + (container.isRoot() ? "the top-level array" : container.display());
        }
        return container.isRoot() ? "before the document's closing }" : "inside " + container.display()
                + " (its closing } is missing)";
    }

    /** Where {@code target} (or the deepest part of it that exists) starts in the text, or null. */
    static JsonLocation locate(Source src, FieldPath target) {
        String want = target.pointer().toString();
        JsonLocation best = null;
        int bestLength = -1;
        try (JsonParser p = src.open()) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                boolean opens = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY;
                JsonStreamContext ctx = opens ? p.getParsingContext().getParent() : p.getParsingContext();
                String here = ctx.pathAsPointer().toString();
                boolean onPath = want.equals(here) || here.isEmpty() || want.startsWith(here + "/");
                if (onPath && here.length() > bestLength) {
                    best = p.currentTokenLocation();
                    bestLength = here.length();
                    if (want.equals(here)) {
                        break;
                    }
                } else if (opens && !onPath) {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            // the text parsed once already; a location is a courtesy, the error stands without it
        }
        return best;
    }

    /** {@code " (line 3, column 7)"}, or nothing when the location is unknown. */
    static String where(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) {
            return "";
        }
        return " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable text";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
