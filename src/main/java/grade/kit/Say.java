package grade.kit;

/**
 * The learner's language for the words the kit (and the test JVM around it) writes into failure
 * messages: Chinese when the run was started with {@code --lang zh} (the test JVM's system
 * property {@code grade.lang} is {@code zh}), English otherwise. Read at each call, so it follows
 * the property as it is when the message is made.
 *
 * <pre>{@code throw Expect.fail(Say.pick("your server closed the connection", "你的服务器关闭了连接"));}</pre>
 */
public final class Say {
    private Say() {
    }

    /** Whether messages are to be in Chinese. */
    public static boolean chinese() {
        return "zh".equals(System.getProperty(RunProperties.LANG));
    }

    /** {@code zh} when messages are to be in Chinese, {@code en} otherwise. */
    public static String pick(String en, String zh) {
        return chinese() ? zh : en;
    }
}
