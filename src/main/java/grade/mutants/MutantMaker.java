package grade.mutants;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.pitest.bytecode.analysis.ClassTree;
import org.pitest.classinfo.ClassByteArraySource;
import org.pitest.classinfo.ClassName;
import org.pitest.classpath.ClassloaderByteArraySource;
import org.pitest.mutationtest.build.InterceptorParameters;
import org.pitest.mutationtest.build.InterceptorType;
import org.pitest.mutationtest.build.MutationInterceptor;
import org.pitest.mutationtest.build.MutationInterceptorFactory;
import org.pitest.mutationtest.build.intercept.equivalent.DivisionByMinusOneFilterFactory;
import org.pitest.mutationtest.build.intercept.equivalent.EqualsPerformanceShortcutFilterFactory;
import org.pitest.mutationtest.build.intercept.equivalent.EquivalentReturnMutationFilter;
import org.pitest.mutationtest.build.intercept.equivalent.NullFinalFieldAssignmentFilterFactory;
import org.pitest.mutationtest.build.intercept.javafeatures.AssertionsFilterFactory;
import org.pitest.mutationtest.build.intercept.javafeatures.EnumFilterFactory;
import org.pitest.mutationtest.build.intercept.javafeatures.EnumSwitchFilterFactory;
import org.pitest.mutationtest.build.intercept.javafeatures.ForEachLoopFilterFactory;
import org.pitest.mutationtest.build.intercept.javafeatures.ImplicitNullCheckFilterFactory;
import org.pitest.mutationtest.build.intercept.javafeatures.InlinedFinallyBlockFilterFactory;
import org.pitest.mutationtest.build.intercept.javafeatures.MethodReferenceNullCheckFilterFactory;
import org.pitest.mutationtest.build.intercept.javafeatures.RecordFilterFactory;
import org.pitest.mutationtest.build.intercept.javafeatures.StringSwitchFilterFactory;
import org.pitest.mutationtest.build.intercept.javafeatures.TryWithResourcesFilterFactory;
import org.pitest.mutationtest.build.intercept.timeout.InfiniteForLoopFilterFactory;
import org.pitest.mutationtest.build.intercept.timeout.InfiniteIteratorLoopFilterFactory;
import org.pitest.mutationtest.config.ReportOptions;
import org.pitest.mutationtest.engine.MutationDetails;
import org.pitest.mutationtest.engine.gregor.GregorMutater;
import org.pitest.mutationtest.engine.gregor.config.Mutator;

/**
 * Makes the mutants of a reference solution's compiled classes with PIT's mutation engine: its
 * STRONGER set of Gregor mutators (the defaults, and more ways to remove a condition), less the
 * mutants that PIT's own filters know to be noise (code the compiler made for try-with-resources,
 * for-each loops, switches on strings and enums, records; changes that cannot change a result).
 */
final class MutantMaker {
    /** PIT's name of the mutators used; part of the fingerprint of a run's results. */
    static final String MUTATORS = "STRONGER";

    /** One mutant: what PIT says of it, and its mutated class file. */
    record Made(MutationDetails details, byte[] bytes) {
    }

    private final Path classes;
    private final ClassByteArraySource source;
    private final GregorMutater mutater;

    /** A maker of mutants of the classes in {@code classes} (a package tree of class files). */
    MutantMaker(Path classes) {
        this.classes = classes;
        ClassByteArraySource jdk = ClassloaderByteArraySource.fromContext();
        this.source = name -> {
            Optional<byte[]> own = own(name);
            return own.isPresent() ? own : jdk.getBytes(name);
        };
        this.mutater = new GregorMutater(source, m -> true, Mutator.fromStrings(List.of(MUTATORS)));
    }

    /** Every mutant of every class, in the order of their class files' names and of PIT's finding. */
    List<Made> all() throws IOException {
        List<String> names;
        try (Stream<Path> s = Files.walk(classes)) {
            names = s.filter(p -> p.toString().endsWith(".class")).map(p -> classes.relativize(p).toString())
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.')).sorted().toList();
        }
        List<Made> out = new ArrayList<>();
        for (String name : names) {
            byte[] bytes = own(name).orElseThrow();
            ClassTree tree = ClassTree.fromBytes(bytes);
            Collection<MutationDetails> found = mutater.findMutations(ClassName.fromString(name));
            for (MutationInterceptor filter : filters()) {
                filter.begin(tree);
                found = filter.intercept(found, mutater);
                filter.end();
            }
            for (MutationDetails d : found) {
                out.add(new Made(d, mutater.getMutation(d.getId()).getBytes()));
            }
        }
        return out;
    }

    private Optional<byte[]> own(String name) {
        Path file = classes.resolve(name.replace('.', '/') + ".class");
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** PIT's filters of mutants that need no coverage or history of a PIT run, fresh for each class. */
    private List<MutationInterceptor> filters() {
        List<MutationInterceptorFactory> factories = List.of(new TryWithResourcesFilterFactory(), new InlinedFinallyBlockFilterFactory(),
                new ImplicitNullCheckFilterFactory(), new MethodReferenceNullCheckFilterFactory(), new ForEachLoopFilterFactory(),
                new EnumFilterFactory(), new RecordFilterFactory(), new StringSwitchFilterFactory(), new AssertionsFilterFactory(),
                new EnumSwitchFilterFactory(), new InfiniteForLoopFilterFactory(), new InfiniteIteratorLoopFilterFactory(),
                new EqualsPerformanceShortcutFilterFactory(), new EquivalentReturnMutationFilter(), new DivisionByMinusOneFilterFactory(),
                new NullFinalFieldAssignmentFilterFactory());
        ReportOptions options = new ReportOptions();
        options.setDetectInlinedCode(true); // a finally block's copies are one mutant, not one per copy
        InterceptorParameters params = new InterceptorParameters(null, options, null, source, null, null);
        List<MutationInterceptor> out = new ArrayList<>();
        for (MutationInterceptorFactory f : factories) {
            MutationInterceptor i = f.createInterceptor(params);
            if (i.type() != InterceptorType.REPORT) {
                out.add(i);
            }
        }
        return out;
    }
}
