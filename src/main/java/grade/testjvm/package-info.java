/**
 * What runs inside the forked test JVM. Its sealed part ({@code grade.testjvm.seal}, a named
 * module open to nobody) reads the run's key from stdin, connects to the grader, runs the hidden
 * test classes through the JUnit Platform Launcher and signs one result per test. The rest (this
 * package, on the class path) words failures, captures learner output, holds each test's time
 * budget and traps the learner's exit calls. Nothing the learner's code made (exceptions, output)
 * leaves this JVM except as a capped, plain string.
 */
package grade.testjvm;
