package dev.backprop.script;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the JS parser does not report as incomplete: a template literal or a block comment still open
 * at the end of the input (the shell then asks for another line). A small scanner over strings,
 * comments and template nesting; regular-expression literals are not recognised.
 */
final class OpenInput {
    private OpenInput() {
    }

    static boolean endsInsideTemplateOrComment(String src) {
        Deque<Integer> braces = new ArrayDeque<>(); // per open ${: the brace depth inside it
        boolean template = false;
        int depth = 0;
        int n = src.length();
        for (int i = 0; i < n; i++) {
            char c = src.charAt(i);
            if (template) {
                if (c == '\\') {
                    i++;
                } else if (c == '`') {
                    template = false;
                } else if (c == '$' && i + 1 < n && src.charAt(i + 1) == '{') {
                    braces.push(depth);
                    depth = 0;
                    template = false;
                    i++;
                }
                continue;
            }
            switch (c) {
                case '/' -> {
                    if (i + 1 < n && src.charAt(i + 1) == '/') {
                        int nl = src.indexOf('\n', i);
                        i = nl < 0 ? n : nl;
                    } else if (i + 1 < n && src.charAt(i + 1) == '*') {
                        int end = src.indexOf("*/", i + 2);
                        if (end < 0) {
                            return true;
                        }
                        i = end + 1;
                    }
                }
                case '\'', '"' -> {
                    int j = i + 1;
                    while (j < n && src.charAt(j) != c && src.charAt(j) != '\n') {
                        j += src.charAt(j) == '\\' ? 2 : 1;
                    }
                    i = j;
                }
                case '`' -> template = true;
                case '{' -> depth++;
                case '}' -> {
                    if (depth == 0 && !braces.isEmpty()) {
                        depth = braces.pop();
                        template = true;
                    } else {
                        depth--;
                    }
                }
                default -> {
                }
            }
        }
        return template || !braces.isEmpty();
    }
}
