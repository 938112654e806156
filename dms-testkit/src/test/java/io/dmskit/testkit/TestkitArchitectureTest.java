package io.dmskit.testkit;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.properties.HasModifiers;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The package structure of dms-testkit: API packages ({@code io.dmskit.testkit}, {@code .dataplane}, {@code .server},
 * {@code .localstack}) do not form cycles, and no public signature of an API package mentions a type from an
 * {@code internal} package. The rule helpers are here, in the test, on purpose: they are checks, not API.
 */
class TestkitArchitectureTest {

    private static final String ROOT = "io.dmskit.testkit";
    private static final Pattern INTERNAL = Pattern.compile("(.*)\\.internal(\\..*)?");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    @DisplayName("API packages have no cycles (an internal package counts as part of the API package that owns it)")
    void apiPackagesAreFreeOfCycles() {
        slices().assignedFrom(new ApiPackageOfClass()).should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    @DisplayName("internal packages have no cycles among themselves")
    void internalPackagesAreFreeOfCycles() {
        slices().matching(ROOT + ".internal.(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(CLASSES);
    }

    @Test
    @DisplayName("no public API signature (supertype, field, method, constructor) mentions an internal type")
    void publicApiDoesNotExposeInternalTypes() {
        ArchRule rule = ArchRuleDefinition.classes()
                .that().resideOutsideOfPackage("..internal..")
                .should(new NoInternalTypeInApiSignatures());
        rule.check(CLASSES);
    }

    @Test
    @DisplayName("a class of an internal package is public only when another package uses it")
    void internalClassesArePublicOnlyWhenTheApiUsesThem() {
        List<String> unusedOutside = new ArrayList<>();
        for (JavaClass c : CLASSES) {
            if (isInternal(c.getPackageName()) && c.getModifiers().contains(JavaModifier.PUBLIC)
                    && c.isTopLevelClass() && c.getDirectDependenciesToSelf().stream()
                    .noneMatch(d -> !d.getOriginClass().getPackageName().equals(c.getPackageName()))) {
                unusedOutside.add(c.getName());
            }
        }
        assertThat(unusedOutside)
                .as("public internal classes used only inside their own package: make them package-private")
                .isEmpty();
    }

    private static boolean isInternal(String packageName) {
        return INTERNAL.matcher(packageName).matches();
    }

    /** The API package a class belongs to: its own package, or for {@code x.internal.y} the package {@code x}. */
    private static final class ApiPackageOfClass implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (!pkg.equals(ROOT) && !pkg.startsWith(ROOT + ".")) {
                return SliceIdentifier.ignore();
            }
            var m = INTERNAL.matcher(pkg);
            return SliceIdentifier.of(m.matches() ? m.group(1) : pkg);
        }

        @Override
        public String getDescription() {
            return "API packages of " + ROOT + " (internal packages belong to their owner)";
        }
    }

    /** Fails for every internal type in a public or protected signature of a class visible from outside. */
    private static final class NoInternalTypeInApiSignatures extends ArchCondition<JavaClass> {

        NoInternalTypeInApiSignatures() {
            super("not mention internal types in public signatures");
        }

        @Override
        public void check(JavaClass c, ConditionEvents events) {
            if (!isVisible(c)) {
                return;
            }
            List<String> problems = new ArrayList<>();
            c.getSuperclass().ifPresent(s -> collect(problems, c.getName() + ": supertype", List.of(s)));
            collect(problems, c.getName() + ": interface", c.getInterfaces());
            collect(problems, c.getName() + ": type parameter", c.getTypeParameters());
            for (JavaField f : c.getFields()) {
                if (isApi(f)) {
                    collect(problems, f.getFullName() + ": field type", List.of(f.getType()));
                }
            }
            for (JavaCodeUnit u : c.getCodeUnits()) {
                if (!isApi(u) || u.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                    continue;
                }
                collect(problems, u.getFullName() + ": return type", List.of(u.getReturnType()));
                collect(problems, u.getFullName() + ": parameter type", u.getParameterTypes());
                collect(problems, u.getFullName() + ": thrown type", u.getThrowsClause().getTypes());
                collect(problems, u.getFullName() + ": type parameter", u.getTypeParameters());
            }
            problems.forEach(p -> events.add(SimpleConditionEvent.violated(c, p)));
        }

        private static boolean isVisible(JavaClass c) {
            for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
                if (!k.getModifiers().contains(JavaModifier.PUBLIC) || k.isAnonymousClass() || k.isLocalClass()) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isApi(HasModifiers member) {
            return member.getModifiers().contains(JavaModifier.PUBLIC)
                    || member.getModifiers().contains(JavaModifier.PROTECTED);
        }

        private static void collect(List<String> problems, String where, Collection<? extends JavaType> types) {
            for (JavaType t : types) {
                for (JavaClass raw : t.getAllInvolvedRawTypes()) {
                    if (isInternal(raw.getPackageName())) {
                        problems.add(where + " " + raw.getName() + " is internal");
                    }
                }
            }
        }
    }
}
