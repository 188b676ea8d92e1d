/**
 * The test kit: everything a hidden test needs to reach learner code without referencing it at
 * compile time. Learner programs run as child JVMs ({@link grade.kit.LearnerProgram}), learner
 * methods are called by reflection ({@link grade.kit.LearnerClass}), and sockets, ports and files
 * come with deadlines and messages a learner understands.
 *
 * <p>The kit depends on nothing of the tool, only on the JDK and JUnit's assertion types. The
 * sentences it writes into failure messages are in the learner's language ({@link grade.kit.Say}),
 * and so are a test's own labels ({@code Say.pick}) and names ({@link grade.kit.Zh}).
 *
 * <pre>{@code
 * @Test
 * @DisplayName("readFrom(f, 7) after writing \"Hello world\\n\" is \"orld\\n\"")
 * @Zh("写入 \"Hello world\\n\" 后，readFrom(f, 7) 是 \"orld\\n\"")
 * void seedExample(@TempDir Path dir) throws Exception {
 *     Path f = Files.writeString(dir.resolve("test"), "Hello world\n");
 *     StaticMethod readFrom = LearnerClass.of("day03.Offsets")
 *             .staticMethod(String.class, "readFrom", Path.class, long.class);
 *     Expect.sameText("orld\n", readFrom.call(f, 7L), "readFrom(file, 7)");
 * }
 * }</pre>
 */
package grade.kit;
