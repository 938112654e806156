package io.dmskit.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The module structure as code: which module may use which (docs/design.md draws the same arrows), that no module
 * reaches into another's {@code internal} packages, that no public API signature mentions an internal type, and that
 * the API packages of each module have no cycles. dms-examples sees every module's main classes, so the rules run here.
 */
@DisplayName("Architecture: module directions, the API/internal line, no cycles between API packages")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {

    /** Module root packages, in dependency order (leaves first). */
    private static final List<String> MODULES = List.of("mappings", "model", "testkit", "engine", "core", "verify",
            "observe", "local", "examples");

    private JavaClasses main;

    @BeforeAll
    void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.dmskit");
    }

    static List<String[]> forbiddenDirections() {
        return List.of(
                new String[] {"mappings", "model,testkit,engine,core,verify,observe,local,examples"},
                new String[] {"model", "mappings,testkit,engine,core,verify,observe,local,examples"},
                new String[] {"testkit", "engine,core,verify,observe,local,examples"},
                new String[] {"engine", "core,verify,observe,local,examples"},
                new String[] {"core", "testkit,engine,verify,observe,local,examples"},
                new String[] {"verify", "testkit,engine,observe,local,examples"},
                new String[] {"observe", "testkit,engine,verify,local,examples"},
                new String[] {"local", "core,verify,observe,examples"});
    }

    @ParameterizedTest(name = "dms-{0} does not depend on {1}")
    @MethodSource("forbiddenDirections")
    @DisplayName("each module depends only on the modules below it")
    void moduleDirections(String module, String forbidden) {
        String[] packages = java.util.Arrays.stream(forbidden.split(",")).map(m -> "io.dmskit." + m + "..")
                .toArray(String[]::new);
        noClasses().that().resideInAPackage("io.dmskit." + module + "..")
                .should().dependOnClassesThat().resideInAnyPackage(packages)
                .because("docs/design.md: dms-" + module + " sits below " + forbidden)
                .check(main);
    }

    @Test
    @DisplayName("no module reaches into another module's internal packages")
    void noForeignInternals() {
        for (String module : MODULES) {
            noClasses().that().resideOutsideOfPackage("io.dmskit." + module + "..")
                    .should().dependOnClassesThat().resideInAPackage("io.dmskit." + module + "..internal..")
                    .because("internal packages are not API")
                    .allowEmptyShould(true)
                    .check(main);
        }
    }

    @Test
    @DisplayName("no public API signature mentions an internal type")
    void apiDoesNotExposeInternals() {
        classes().that().arePublic().and().resideOutsideOfPackage("..internal..")
                .should(exposeNoInternalType())
                .check(main);
    }

    @Test
    @DisplayName("a public class of an internal package is used from outside its package (else it is package-private)")
    void publicInternalClassesAreUsedFromOutside() {
        classes().that().resideInAPackage("io.dmskit..internal..").and(effectivelyPublic())
                .should(beUsedFromAnotherPackage())
                .because("STYLE.md: internal types are package-private where they can be; public is for the few entry"
                        + " types another package of the module calls")
                .check(main);
    }

    @Test
    @DisplayName("the API packages of every module are free of cycles")
    void apiPackagesHaveNoCycles() {
        JavaClasses api = main.that(DescribedPredicate.describe("outside internal packages",
                (JavaClass c) -> !c.getPackageName().contains(".internal")));
        slices().matching("io.dmskit.(**)").should().beFreeOfCycles().check(api);
    }

    /** Public, and so is every class it is nested in: the classes another package could reach. */
    private static DescribedPredicate<JavaClass> effectivelyPublic() {
        return DescribedPredicate.describe("are public (and nested only in public classes)", c -> {
            for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
                if (!k.getModifiers().contains(JavaModifier.PUBLIC)) {
                    return false;
                }
            }
            return true;
        });
    }

    private static ArchCondition<JavaClass> beUsedFromAnotherPackage() {
        return new ArchCondition<>("be used by a main class of another package") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                boolean usedOutside = c.getDirectDependenciesToSelf().stream()
                        .anyMatch(d -> !d.getOriginClass().getPackageName().equals(c.getPackageName()));
                if (!usedOutside) {
                    events.add(SimpleConditionEvent.violated(c, c.getName()
                            + " is public but only its own package uses it: make it package-private"));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> exposeNoInternalType() {
        return new ArchCondition<>("expose no type from an internal package in a public signature") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                Set<String> where = new LinkedHashSet<>();
                if (c.getRawSuperclass().isPresent() && isInternal(c.getRawSuperclass().get())) {
                    where.add("extends " + c.getRawSuperclass().get().getName());
                }
                for (JavaType i : c.getInterfaces()) {
                    internals(i).forEach(t -> where.add("implements " + t));
                }
                for (JavaField f : c.getFields()) {
                    if (visible(f.getModifiers())) {
                        internals(f.getType()).forEach(t -> where.add("field " + f.getName() + ": " + t));
                    }
                }
                for (JavaCodeUnit m : c.getCodeUnits()) {
                    if (!visible(m.getModifiers()) || m.getModifiers().contains(JavaModifier.SYNTHETIC)
                            || m.getModifiers().contains(JavaModifier.BRIDGE)) {
                        continue;
                    }
                    internals(m.getReturnType()).forEach(t -> where.add(m.getFullName() + " returns " + t));
                    for (JavaParameter p : m.getParameters()) {
                        internals(p.getType()).forEach(t -> where.add(m.getFullName() + " takes " + t));
                    }
                }
                for (String w : where) {
                    events.add(SimpleConditionEvent.violated(c, c.getName() + ": " + w));
                }
            }
        };
    }

    private static boolean visible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static List<String> internals(JavaType type) {
        return type.getAllInvolvedRawTypes().stream().filter(ArchitectureTest::isInternal).map(JavaClass::getName)
                .distinct().toList();
    }

    private static boolean isInternal(JavaClass c) {
        return c.getPackageName().startsWith("io.dmskit.") && c.getPackageName().contains(".internal");
    }
}
