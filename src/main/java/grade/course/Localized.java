package grade.course;

/** A text in English and Chinese. */
public record Localized(String en, String zh) {
    public String get(Lang lang) {
        return lang == Lang.ZH && zh != null && !zh.isBlank() ? zh : en;
    }
}
