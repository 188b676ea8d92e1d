package grade;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader of the block YAML the grader writes (mappings, lists, plain and quoted
 * scalars, literal blocks with |), so a test can check a workflow's structure, not its text.
 * Anything else (tabs, a line indented where nothing can start, flow collections) is an error.
 */
final class Yaml {
    private final List<String> lines = new ArrayList<>();
    private int at;

    private Yaml(String text) {
        for (String l : text.split("\n", -1)) {
            if (l.contains("\t")) {
                throw new IllegalArgumentException("a tab in YAML: " + l);
            }
            lines.add(l.stripTrailing());
        }
    }

    static Object parse(String text) {
        Yaml y = new Yaml(text);
        y.skipEmpty();
        Object v = y.block(y.indent());
        y.skipEmpty();
        if (y.at < y.lines.size()) {
            throw new IllegalArgumentException("line " + (y.at + 1) + " is indented where nothing can start: " + y.lines.get(y.at));
        }
        return v;
    }

    private void skipEmpty() {
        while (at < lines.size() && (lines.get(at).isBlank() || lines.get(at).strip().startsWith("#"))) {
            at++;
        }
    }

    private int indent() {
        String l = lines.get(at);
        return l.length() - l.stripLeading().length();
    }

    private Object block(int indent) {
        return lines.get(at).strip().startsWith("- ") ? list(indent) : map(indent);
    }

    private List<Object> list(int indent) {
        List<Object> out = new ArrayList<>();
        while (at < lines.size() && indent() == indent && lines.get(at).strip().startsWith("- ")) {
            String item = lines.get(at).strip().substring(2);
            if (item.matches("[\\w'\"-][^:]*:( .*)?")) {
                lines.set(at, " ".repeat(indent + 2) + item); // a mapping that starts on the dash's line
                out.add(map(indent + 2));
            } else {
                out.add(scalar(item));
                at++;
            }
            skipEmpty();
        }
        return out;
    }

    private Map<String, Object> map(int indent) {
        Map<String, Object> out = new LinkedHashMap<>();
        while (at < lines.size() && indent() == indent && !lines.get(at).strip().startsWith("- ")) {
            String line = lines.get(at).strip();
            int colon = line.startsWith("'") || line.startsWith("\"") ? line.indexOf(':', line.indexOf(line.charAt(0), 1)) : line.indexOf(':');
            if (colon < 0 || (colon + 1 < line.length() && line.charAt(colon + 1) != ' ')) {
                throw new IllegalArgumentException("line " + (at + 1) + " is not key: value: " + line);
            }
            String key = (String) scalar(line.substring(0, colon));
            String rest = line.substring(colon + 1).strip();
            if (out.containsKey(key)) {
                throw new IllegalArgumentException("the key " + key + " twice, line " + (at + 1));
            }
            at++;
            if (rest.equals("|")) {
                out.put(key, literal(indent));
            } else if (!rest.isEmpty()) {
                out.put(key, scalar(rest));
            } else {
                skipEmpty();
                out.put(key, at < lines.size() && indent() > indent ? block(indent()) : null);
            }
            skipEmpty();
        }
        return out;
    }

    private String literal(int parent) {
        StringBuilder sb = new StringBuilder();
        int own = -1;
        while (at < lines.size()) {
            String l = lines.get(at);
            if (!l.isBlank()) {
                int i = l.length() - l.stripLeading().length();
                if (i <= parent) {
                    break;
                }
                own = own < 0 ? i : own;
                if (i < own) {
                    throw new IllegalArgumentException("line " + (at + 1) + " is indented less than its block");
                }
                sb.append(l.substring(own));
            }
            sb.append('\n');
            at++;
        }
        return sb.toString().replaceAll("\n+$", "\n");
    }

    private static Object scalar(String s) {
        if (s.startsWith("[") || s.startsWith("{")) {
            throw new IllegalArgumentException("flow collections are not written by the grader: " + s);
        }
        if (s.length() >= 2 && (s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1).replace("''", "'");
        }
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\""))) {
            return s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        if (s.startsWith("'") || s.startsWith("\"")) {
            throw new IllegalArgumentException("an unclosed quote: " + s);
        }
        return s;
    }
}
