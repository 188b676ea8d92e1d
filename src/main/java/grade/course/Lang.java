package grade.course;

import java.util.Locale;

/** The two languages of the course: statements, titles, hints and the grader's own words. */
public enum Lang {
    EN, ZH;

    /** Chinese where the user's locale is Chinese, English otherwise. */
    public static Lang fromLocale() {
        for (String var : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String v = System.getenv(var);
            if (v != null && !v.isBlank()) {
                return v.toLowerCase(Locale.ROOT).startsWith("zh") ? ZH : EN;
            }
        }
        return Locale.getDefault().getLanguage().equals("zh") ? ZH : EN;
    }

    /** The words of this language: {@code en} in English, {@code zh} in Chinese. */
    public String pick(String en, String zh) {
        return this == ZH ? zh : en;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
