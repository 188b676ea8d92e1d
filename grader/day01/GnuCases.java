package day01;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every case of day01 that is compared with GNU's tools, as data: the hidden tests run these
 * (against GNU live, or against its recorded output), and {@link GnuReference} records them.
 * A case names its input files among its arguments; a {@code .txt} name with no content here is a
 * missing file.
 */
public final class GnuCases {
    private GnuCases() {
    }

    /** Inputs of wc: printable UTF-8 text and ASCII whitespace only, where GNU's word rule and the byte rule agree. */
    private static final Map<String, String> WC_FILES = files(
            "poem.txt", "The quick brown fox\njumps over  the lazy dog.\n\tTabs\tand  spaces   count as one gap.\n",
            "zh.txt", "床前明月光，疑是地上霜。\n举头望明月 低头思故乡\n你好 world\n",
            "ws.txt", "  alpha\tbeta  gamma\n\fdelta\013epsilon\r\nzeta\reta\n\n   \n",
            "crlf.txt", "one two\r\nthree\r\n\r\nfour five six\r\n",
            "nonl.txt", "first line\nno final newline",
            "empty.txt", "");

    private static final Map<String, String> HEAD_TAIL_FILES = files(
            "fifteen.txt", fifteenLines(),
            "zh.txt", "春眠不觉晓\n处处闻啼鸟\n夜来风雨声\n花落知多少\n",
            "nonl.txt", "first\nsecond\nthird",
            "crlf.txt", "one\r\ntwo\r\nthree\r\nfour\r\n",
            "blank.txt", "x\n\n\n",
            "empty.txt", "");

    private static final Map<String, String> GREP_FILES = files(
            "a.txt", "Hello world\nhello java\nHELLO AGAIN\ngoodbye\n你好，世界 hello\nerror: disk full\n",
            "b.txt", "Error: nothing here\nthe end\n",
            "crlf.txt", "alpha\r\nbeta\r\nalphabet\r\n",
            "nonl.txt", "one\ntwo hello");

    public static List<GnuCase> wc() {
        String poem = WC_FILES.get("poem.txt");
        String zh = WC_FILES.get("zh.txt");
        return List.of(
                wc("wc/no-flags", "poem.txt"),
                wc("wc/l", "-l", "poem.txt"),
                wc("wc/w", "-w", "poem.txt"),
                wc("wc/c", "-c", "poem.txt"),
                wc("wc/c-l", "-c", "-l", "poem.txt"),
                wc("wc/w-l-zh", "-w", "-l", "zh.txt"),
                wc("wc/whitespace", "-w", "ws.txt"),
                wc("wc/zh", "zh.txt"),
                withStdin(wc("wc/stdin"), zh),
                withStdin(wc("wc/stdin-w-c", "-w", "-c"), poem),
                wc("wc/no-final-newline", "nonl.txt"),
                wc("wc/crlf", "crlf.txt"),
                wc("wc/empty", "empty.txt"),
                wc("wc/several", "poem.txt", "zh.txt", "empty.txt", "crlf.txt"),
                wc("wc/several-l-w", "-l", "-w", "nonl.txt", "ws.txt"),
                wc("wc/missing-among-others", "-l", "poem.txt", "missing.txt", "zh.txt"),
                wc("wc/missing-alone", "missing.txt"));
    }

    public static List<GnuCase> headTail() {
        String fifteen = HEAD_TAIL_FILES.get("fifteen.txt");
        return List.of(
                headTail("head/default", "head", "fifteen.txt"),
                headTail("head/n3-zh", "head", "-n", "3", "zh.txt"),
                headTail("head/no-final-newline", "head", "-n", "5", "nonl.txt"),
                headTail("head/crlf", "head", "-n", "2", "crlf.txt"),
                headTail("head/n0", "head", "-n", "0", "fifteen.txt"),
                headTail("head/n-bigger", "head", "-n", "100", "zh.txt"),
                headTail("head/empty", "head", "-n", "3", "empty.txt"),
                withStdin(headTail("head/stdin", "head", "-n", "2"), fifteen),
                headTail("tail/default", "tail", "fifteen.txt"),
                headTail("tail/no-final-newline", "tail", "-n", "2", "nonl.txt"),
                headTail("tail/blank-lines", "tail", "-n", "2", "blank.txt"),
                headTail("tail/crlf", "tail", "-n", "3", "crlf.txt"),
                headTail("tail/n0", "tail", "-n", "0", "zh.txt"),
                headTail("tail/n-bigger", "tail", "-n", "100", "nonl.txt"),
                headTail("tail/empty", "tail", "empty.txt"),
                withStdin(headTail("tail/stdin", "tail", "-n", "3"), "春眠不觉晓\n处处闻啼鸟\n夜来风雨声\n花落知多少"));
    }

    public static List<GnuCase> grep() {
        String a = GREP_FILES.get("a.txt");
        return List.of(
                grep("grep/plain", "hello", "a.txt"),
                grep("grep/regex", "^(error|goodbye)", "a.txt"),
                grep("grep/i", "-i", "hello", "a.txt"),
                grep("grep/n", "-n", "o", "a.txt"),
                grep("grep/v", "-v", "hello", "a.txt"),
                grep("grep/c-i", "-c", "-i", "hello", "a.txt"),
                grep("grep/n-v-i", "-n", "-v", "-i", "hello", "a.txt"),
                grep("grep/files", "[Ee]rror: [a-z]+", "a.txt", "b.txt"),
                grep("grep/files-n-i", "-n", "-i", "hello", "a.txt", "b.txt", "nonl.txt"),
                grep("grep/files-c-v", "-c", "-v", "hello", "a.txt", "b.txt", "nonl.txt"),
                withStdin(grep("grep/stdin", "-n", "你好|java"), a),
                grep("grep/none", "-i", "zebra", "a.txt"),
                grep("grep/none-c", "-c", "zebra", "a.txt", "b.txt"),
                grep("grep/crlf", "alpha", "crlf.txt"),
                grep("grep/no-final-newline", "hello", "nonl.txt"),
                grep("grep/bad-pattern", "(abc", "a.txt"),
                grep("grep/missing-among-others", "-n", "hello", "a.txt", "missing.txt", "nonl.txt"));
    }

    public static List<GnuCase> all() {
        return Stream.of(wc(), headTail(), grep()).flatMap(List::stream).toList();
    }

    /**
     * The cases that show whether a tool on this machine behaves as recorded: Chinese text (wc
     * needs a working C.UTF-8 locale for it) and CRLF lines (which a Windows build may rewrite).
     */
    public static List<GnuCase> probes(String tool) {
        List<String> ids = switch (tool) {
            case "wc" -> List.of("wc/w-l-zh", "wc/crlf");
            case "head" -> List.of("head/crlf", "head/n3-zh");
            case "tail" -> List.of("tail/crlf", "tail/no-final-newline");
            case "grep" -> List.of("grep/stdin", "grep/crlf");
            default -> throw new IllegalArgumentException("no day01 tool " + tool);
        };
        return ids.stream().map(GnuCases::byId).toList();
    }

    /** The case with this id; an unknown id is a mistake in a hidden test. */
    public static GnuCase byId(String id) {
        return all().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no day01 case " + id));
    }

    private static GnuCase wc(String id, String... args) {
        return make(id, "wc", WC_FILES, args);
    }

    private static GnuCase headTail(String id, String tool, String... args) {
        return make(id, tool, HEAD_TAIL_FILES, args);
    }

    private static GnuCase grep(String id, String... args) {
        return make(id, "grep", GREP_FILES, args);
    }

    private static GnuCase make(String id, String tool, Map<String, String> known, String... args) {
        Map<String, String> used = new LinkedHashMap<>();
        for (String a : args) {
            if (known.containsKey(a)) {
                used.put(a, known.get(a));
            }
        }
        return new GnuCase(id, tool, List.of(args), used, "");
    }

    private static GnuCase withStdin(GnuCase c, String stdin) {
        return new GnuCase(c.id(), c.tool(), c.args(), c.files(), stdin);
    }

    private static Map<String, String> files(String... nameThenContent) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenContent.length; i += 2) {
            m.put(nameThenContent[i], nameThenContent[i + 1]);
        }
        return m;
    }

    private static String fifteenLines() {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            lines.add("line " + i + "\n");
        }
        return String.join("", lines);
    }
}
