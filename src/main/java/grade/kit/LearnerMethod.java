package grade.kit;

import java.lang.reflect.Method;

/** A learner's public method as the kit found it: what to call, and its signature for messages. */
abstract class LearnerMethod {
    final Method method;
    private final String signature;

    LearnerMethod(Method method, String signature) {
        this.method = method;
        this.signature = signature;
    }

    /** The signature as the learner would write it, for messages. */
    public String signature() {
        return signature;
    }
}
