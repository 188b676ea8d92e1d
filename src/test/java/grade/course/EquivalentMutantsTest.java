package grade.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An exercise's records of equivalent mutants: how they are read, what they match, and what is refused. */
class EquivalentMutantsTest {
    private static final String FILE = "exercises/day03/offsets/exercise.json";

    @Test
    void aRecordMatchesByClassMethodMutatorAndTheLineTextNotItsIndentation() {
        List<String> problems = new ArrayList<>();
        List<EquivalentMutant> read = EquivalentMutants.read(FILE, JsonParser.parseString("""
                [{"class": "day03.Offsets", "method": "readFrom", "mutator": "ConditionalsBoundaryMutator",
                  "line": "  if (available > limit) {", "reason": "no test file is that large"}]
                """), problems);
        assertEquals(List.of(), problems);
        EquivalentMutant r = read.get(0);
        assertEquals("no test file is that large", r.reason());
        assertTrue(r.matches("day03.Offsets", "readFrom", "ConditionalsBoundaryMutator", "if (available > limit) {", "changed conditional boundary"));
        assertFalse(r.matches("day03.Offsets", "readFrom", "ConditionalsBoundaryMutator", "if (available >= limit) {", "changed conditional boundary"));
        assertFalse(r.matches("day03.Offsets", "readRange", "ConditionalsBoundaryMutator", "if (available > limit) {", "changed conditional boundary"));
        assertFalse(r.matches("day03.Offsets", "readFrom", "MathMutator", "if (available > limit) {", "changed conditional boundary"));
    }

    @Test
    void aDescriptionTellsApartTwoMutantsOfOneMutatorOnALine() {
        EquivalentMutant r = EquivalentMutants.read(FILE, JsonParser.parseString("""
                [{"class": "a.B", "method": "m", "mutator": "RemoveConditionalMutator_EQUAL_ELSE", "line": "if (x == y) {",
                  "description": "removed conditional - replaced equality check with false", "reason": "why"}]
                """), new ArrayList<>()).get(0);
        assertTrue(r.matches("a.B", "m", "RemoveConditionalMutator_EQUAL_ELSE", "if (x == y) {", "removed conditional - replaced equality check with false"));
        assertFalse(r.matches("a.B", "m", "RemoveConditionalMutator_EQUAL_ELSE", "if (x == y) {", "removed conditional - replaced equality check with true"));
    }

    @Test
    void aRecordWithoutAReasonOrWithAnUnknownKeyIsRefusedInOneSentenceEach() {
        List<String> problems = new ArrayList<>();
        List<EquivalentMutant> read = EquivalentMutants.read(FILE, JsonParser.parseString("""
                [{"class": "a.B", "method": "m", "mutator": "MathMutator", "line": "x++;"},
                 {"class": "a.B", "method": "m", "mutator": "MathMutator", "line": "x++;", "reason": "r", "lineNumber": 3},
                 "a.B.m"]
                """), problems);
        assertEquals(List.of(), read);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(FILE + ": equivalent mutant 1 has no \"reason\""), problems.get(0));
        assertTrue(problems.get(1).startsWith(FILE + ": equivalent mutant 2 has an unknown key \"lineNumber\""), problems.get(1));
        assertTrue(problems.get(2).startsWith(FILE + ": equivalent mutant 3 should be a record"), problems.get(2));
    }

    @Test
    void noRecordsIsNoneAndAnythingButAListIsRefused() {
        assertEquals(List.of(), EquivalentMutants.read(FILE, null, new ArrayList<>()));
        List<String> problems = new ArrayList<>();
        EquivalentMutants.read(FILE, JsonParser.parseString("{}"), problems);
        assertTrue(problems.get(0).startsWith(FILE + ": \"equivalentMutants\" should be a list of records"), problems.toString());
    }
}
