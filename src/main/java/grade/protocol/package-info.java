/**
 * The protocol between the grader and the test JVM, owned here and used by both: the messages
 * ({@link grade.protocol.Message}), the launch line read from stdin ({@link grade.protocol.Launch}),
 * how a test is named ({@link grade.protocol.TestId}), and the one codec that signs and checks
 * every line ({@link grade.protocol.Codec}).
 */
package grade.protocol;
