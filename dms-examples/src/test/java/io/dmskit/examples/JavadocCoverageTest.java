package io.dmskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The public API of every published module has a javadoc sentence on each public type, method and constructor, and
 * each API package has a package comment: the javadoc jars' pages then never show a bare signature.
 *
 * <p>The published modules are those of the root POM's {@code <modules>} that do not set
 * {@code dmskit.unpublished} (so a new module is covered without editing this test). Their main sources are parsed
 * with the JDK's own compiler (syntax trees and doc comments only, no class path), which takes a few seconds; the
 * javadoc tool's doclint "missing" group is not used because it also demands {@code @param} and {@code @return}
 * everywhere. Internal packages ({@code *.internal*}) are exempt: they are not in the javadoc jars. Methods marked
 * {@code @Override} are exempt too: javadoc copies the overridden method's comment.
 */
class JavadocCoverageTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    /** A doc comment with text, then (after any annotations) the package declaration of a package-info.java. */
    private static final Pattern PACKAGE_COMMENT =
            Pattern.compile("/\\*\\*[\\s*]*[^\\s*@/][\\s\\S]*?\\*/\\s*(@[\\w.]+(\\([^)]*\\))?\\s*)*package\\s");

    @Test
    void everyPublicTypeMethodAndConstructorOfTheApiHasASentence() throws IOException {
        List<Path> sources = apiSources();
        assertThat(sources).as("API sources of the published modules under %s", ROOT).hasSizeGreaterThan(100);
        List<String> problems = new ArrayList<>();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
            JavacTask task = (JavacTask) javac.getTask(null, files, null, List.of("-proc:none"), null, units);
            DocTrees docs = DocTrees.instance(task);
            for (CompilationUnitTree unit : task.parse()) {
                String file = ROOT.relativize(Path.of(unit.getSourceFile().toUri())).toString();
                if (file.endsWith("package-info.java")) {
                    if (!PACKAGE_COMMENT.matcher(unit.getSourceFile().getCharContent(true)).find()) {
                        problems.add(file + ": package " + unit.getPackageName() + " has no package comment");
                    }
                    continue;
                }
                for (Tree type : unit.getTypeDecls()) {
                    if (type instanceof ClassTree c && isPublic(c.getModifiers(), false)) {
                        checkType(docs, new TreePath(new TreePath(unit), c), file, problems);
                    }
                }
            }
        }
        assertThat(problems)
                .as("public API without a javadoc sentence (add one, or make it non-public / move it to internal)")
                .isEmpty();
    }

    @Test
    void everyApiPackageHasAPackageInfo() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path module : publishedModules()) {
            Path main = module.resolve("src/main/java");
            try (Stream<Path> dirs = Files.walk(main)) {
                for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                    boolean hasTypes;
                    try (Stream<Path> files = Files.list(dir)) {
                        hasTypes = files.anyMatch(f -> f.toString().endsWith(".java"));
                    }
                    String pkg = main.relativize(dir).toString().replace('/', '.');
                    if (hasTypes && !isInternal(pkg) && !Files.exists(dir.resolve("package-info.java"))) {
                        missing.add(ROOT.relativize(dir) + " (package " + pkg + ")");
                    }
                }
            }
        }
        assertThat(missing).as("API packages without a package-info.java (the javadoc's package description)")
                .isEmpty();
    }

    private static void checkType(DocTrees docs, TreePath path, String file, List<String> problems) {
        ClassTree type = (ClassTree) path.getLeaf();
        boolean isInterface = type.getKind() == Tree.Kind.INTERFACE || type.getKind() == Tree.Kind.ANNOTATION_TYPE;
        if (!hasSentence(docs, path)) {
            problems.add(file + ": type " + type.getSimpleName());
        }
        boolean hasConstructor = false;
        for (Tree member : type.getMembers()) {
            TreePath memberPath = new TreePath(path, member);
            if (member instanceof ClassTree nested) {
                if (isPublic(nested.getModifiers(), isInterface)) {
                    checkType(docs, memberPath, file, problems);
                }
            } else if (member instanceof MethodTree method) {
                boolean constructor = method.getReturnType() == null;
                hasConstructor |= constructor;
                if (isPublic(method.getModifiers(), isInterface) && !isOverride(method)
                        && !hasSentence(docs, memberPath)) {
                    problems.add(file + ": " + (constructor ? "constructor " + type.getSimpleName()
                            : "method " + type.getSimpleName() + "." + method.getName()) + "(..)");
                }
            }
        }
        if (type.getKind() == Tree.Kind.CLASS && !hasConstructor
                && !type.getModifiers().getFlags().contains(Modifier.ABSTRACT)) {
            problems.add(file + ": class " + type.getSimpleName() + " has an undocumented default constructor"
                    + " (declare a private one, or a documented one)");
        }
    }

    private static boolean hasSentence(DocTrees docs, TreePath path) {
        DocCommentTree doc = docs.getDocCommentTree(path);
        return doc != null && !doc.getFirstSentence().isEmpty()
                && !doc.getFirstSentence().toString().isBlank();
    }

    private static boolean isPublic(ModifiersTree modifiers, boolean inInterface) {
        Set<Modifier> flags = modifiers.getFlags();
        return flags.contains(Modifier.PUBLIC) || flags.contains(Modifier.PROTECTED)
                || (inInterface && !flags.contains(Modifier.PRIVATE));
    }

    private static boolean isOverride(MethodTree method) {
        return method.getModifiers().getAnnotations().stream()
                .anyMatch(a -> a.getAnnotationType().toString().equals("Override"));
    }

    private static boolean isInternal(String pkg) {
        return pkg.matches("(.*\\.)?internal(\\..*)?");
    }

    private static List<Path> apiSources() throws IOException {
        List<Path> sources = new ArrayList<>();
        for (Path module : publishedModules()) {
            Path main = module.resolve("src/main/java");
            try (Stream<Path> files = Files.walk(main)) {
                files.filter(f -> f.toString().endsWith(".java"))
                        .filter(f -> !isInternal(main.relativize(f.getParent()).toString().replace('/', '.')))
                        .forEach(sources::add);
            }
        }
        return sources;
    }

    /** The root POM's modules that are published: a jar with main sources, not marked dmskit.unpublished. */
    static List<Path> publishedModules() {
        try {
            List<Path> modules = new ArrayList<>();
            Matcher m = MODULE.matcher(Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8));
            while (m.find()) {
                Path dir = ROOT.resolve(m.group(1).strip());
                String pom = Files.readString(dir.resolve("pom.xml"), StandardCharsets.UTF_8);
                if (!pom.contains("<dmskit.unpublished>true</dmskit.unpublished>")
                        && !pom.contains("<packaging>pom</packaging>")
                        && Files.isDirectory(dir.resolve("src/main/java"))) {
                    modules.add(dir);
                }
            }
            return modules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
