package dev.backprop.shell.repl;

import java.util.Set;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Colours the input as it is typed: keywords, strings and template literals, numbers, comments. */
public final class JsHighlighter implements Highlighter {
    static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT).faint();
    static final AttributedStyle COMMAND = AttributedStyle.BOLD.foreground(AttributedStyle.CYAN);
    private static final Set<String> KEYWORDS = Set.copyOf(JsCompleter.KEYWORDS);

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        return highlight(buffer);
    }

    /** The buffer with styles; the text itself is unchanged. */
    public static AttributedString highlight(String s) {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        if (DotCommand.isCommand(s)) {
            int end = s.indexOf(' ') < 0 ? s.length() : s.indexOf(' ');
            return sb.styled(COMMAND, s.substring(0, end)).append(s.substring(end)).toAttributedString();
        }
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int end;
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                end = s.indexOf('\n', i);
                end = end < 0 ? n : end;
                sb.styled(COMMENT, s.substring(i, end));
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                sb.styled(COMMENT, s.substring(i, end));
            } else if (c == '"' || c == '\'' || c == '`') {
                end = i + 1;
                while (end < n && s.charAt(end) != c) {
                    end += s.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(n, end + 1);
                sb.styled(STRING, s.substring(i, end));
            } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1))
                    && (i == 0 || !Character.isJavaIdentifierPart(s.charAt(i - 1)))) {
                end = i + 1;
                while (end < n && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '.' || s.charAt(end) == '_'
                        || (s.charAt(end) == '-' || s.charAt(end) == '+') && (s.charAt(end - 1) == 'e' || s.charAt(end - 1) == 'E'))) {
                    end++;
                }
                sb.styled(NUMBER, s.substring(i, end));
            } else if (Character.isJavaIdentifierStart(c)) {
                end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(s.charAt(end))) {
                    end++;
                }
                String word = s.substring(i, end);
                boolean member = i > 0 && s.charAt(i - 1) == '.';
                if (!member && KEYWORDS.contains(word)) {
                    sb.styled(KEYWORD, word);
                } else {
                    sb.append(word);
                }
            } else {
                end = i + 1;
                sb.append(c);
            }
            i = end;
        }
        return sb.toAttributedString();
    }
}
