/**
 * The hidden tests as the grader knows them in its own JVM: which tests an exercise has, their
 * names, weights, visibility and order. A result counts only for a test named here.
 */
package grade.hidden;
