/**
 * Runs inside the forked test JVM: selects the hidden test classes, runs them through the JUnit
 * Platform Launcher and writes one plain JSON line per result to a file the grader reads. Nothing
 * the learner's code made (exceptions, output) leaves this JVM except as a capped, plain string.
 */
package grade.testjvm;
