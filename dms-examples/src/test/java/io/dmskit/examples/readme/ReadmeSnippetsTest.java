package io.dmskit.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Keeps the Java examples of the Markdown documentation and the code the build compiles and runs as one text.
 *
 * <p>Every {@code ```java} block of {@code README.md}, {@code dms-*}{@code /README.md} and {@code docs/*.md} is
 * preceded by {@code <!-- snippet: NAME -->} and must be exactly the region {@code NAME} of a source file in this
 * package, delimited by {@code // region readme:NAME} and {@code // endregion} (compared after removing the region's
 * common indentation; trailing spaces ignored). A block's leading {@code import} lines are not part of the region:
 * each must be an import of the region's source file. Every region must be shown by some block. The regions live in
 * {@code *Test} classes (run by the build, against FakeDms, LocalS3, the local engine and the local MariaDB) or, for
 * examples written against real AWS, in {@code *Snippets} classes (compiled only).
 *
 * <p>Code that is not a Java program (commands, XML, JSON, output) goes in blocks tagged otherwise
 * ({@code ```xml}, {@code ```text}, ...). Fix a failure by editing the Markdown or the region, whichever is wrong.
 */
@DisplayName("Every Java block of the READMEs and docs/ is a region of code the build compiles (and runs)")
class ReadmeSnippetsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path SOURCES = Path.of("src/test/java/io/dmskit/examples/readme").toAbsolutePath();
    private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*snippet:\\s*([\\w.-]+)\\s*-->\\s*$");
    private static final Pattern REGION = Pattern.compile("^\\s*// region readme:([\\w.-]+)\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*// endregion\\s*$");

    record Block(Path file, int line, String name, List<String> imports, String body) {
        String where() {
            return ROOT.relativize(file) + ":" + line;
        }
    }

    record Region(Path file, int line, String name, String text, Set<String> fileImports) {
        String where() {
            return ROOT.relativize(file) + ":" + line;
        }
    }

    @Test
    @DisplayName("each block equals its region, its imports are the region file's, and every region is shown")
    void blocksAreRegions() throws IOException {
        List<Block> blocks = new ArrayList<>();
        for (Path md : markdownFiles()) {
            blocks.addAll(blocks(md));
        }
        Map<String, Region> regions = regions();
        assertThat(blocks).as("Java blocks found in the Markdown files").hasSizeGreaterThan(10);

        List<String> problems = new ArrayList<>();
        Set<String> shown = new TreeSet<>();
        for (Block b : blocks) {
            if (b.name() == null) {
                problems.add(b.where() + ": a ```java block without <!-- snippet: NAME --> on the line before it "
                        + "(tag it ```text if it is not Java code)");
                continue;
            }
            Region r = regions.get(b.name());
            if (r == null) {
                problems.add(b.where() + ": no region 'readme:" + b.name() + "' in " + ROOT.relativize(SOURCES));
                continue;
            }
            shown.add(b.name());
            if (!b.body().equals(r.text())) {
                problems.add(b.where() + ": differs from region '" + b.name() + "' (" + r.where() + "):\n"
                        + diff(b.body(), r.text()));
            }
            for (String imp : b.imports()) {
                if (!r.fileImports().contains(imp)) {
                    problems.add(b.where() + ": '" + imp + "' is not an import of " + ROOT.relativize(r.file()));
                }
            }
        }
        for (Region r : regions.values()) {
            if (!shown.contains(r.name())) {
                problems.add(r.where() + ": region '" + r.name() + "' is shown by no Markdown block");
            }
        }
        assertThat(problems).as("README snippet problems").isEmpty();
    }

    static List<Path> markdownFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> modules = Files.list(ROOT)) {
            modules.filter(p -> p.getFileName().toString().startsWith("dms-"))
                    .map(p -> p.resolve("README.md")).filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    static List<Block> blocks(Path md) throws IOException {
        List<String> lines = Files.readAllLines(md, StandardCharsets.UTF_8);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            String name = null;
            if (i > 0) {
                Matcher m = MARKER.matcher(lines.get(i - 1));
                if (m.matches()) {
                    name = m.group(1);
                }
            }
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                end++;
            }
            List<String> code = lines.subList(start, end);
            List<String> imports = new ArrayList<>();
            int k = 0;
            while (k < code.size() && (code.get(k).startsWith("import ") || code.get(k).isBlank())) {
                if (!code.get(k).isBlank()) {
                    imports.add(code.get(k).replaceAll("\\s*//.*$", "").strip());
                }
                k++;
            }
            blocks.add(new Block(md, i + 1, name, imports, normalize(code.subList(k, code.size()))));
            i = end;
        }
        return blocks;
    }

    static Map<String, Region> regions() throws IOException {
        Map<String, Region> regions = new LinkedHashMap<>();
        List<Path> sources;
        try (Stream<Path> s = Files.walk(SOURCES)) {
            sources = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path src : sources) {
            List<String> lines = Files.readAllLines(src, StandardCharsets.UTF_8);
            Set<String> imports = lines.stream().filter(l -> l.startsWith("import ")).map(String::strip)
                    .collect(Collectors.toSet());
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = REGION.matcher(lines.get(i));
                if (!m.matches()) {
                    continue;
                }
                int end = i + 1;
                while (end < lines.size() && !END.matcher(lines.get(end)).matches()) {
                    end++;
                }
                assertThat(end).as("%s:%d: region '%s' has no // endregion", src, i + 1, m.group(1))
                        .isLessThan(lines.size());
                Region previous = regions.put(m.group(1), new Region(src, i + 1, m.group(1),
                        normalize(lines.subList(i + 1, end)), imports));
                assertThat(previous).as("region '%s' defined twice (%s:%d)", m.group(1), src, i + 1).isNull();
                i = end;
            }
        }
        return regions;
    }

    /** Trailing spaces and surrounding blank lines removed, common indentation removed. */
    static String normalize(List<String> lines) {
        List<String> l = new ArrayList<>(lines.stream().map(String::stripTrailing).toList());
        while (!l.isEmpty() && l.get(0).isEmpty()) {
            l.remove(0);
        }
        while (!l.isEmpty() && l.get(l.size() - 1).isEmpty()) {
            l.remove(l.size() - 1);
        }
        int indent = l.stream().filter(s -> !s.isEmpty()).mapToInt(s -> s.length() - s.stripLeading().length())
                .min().orElse(0);
        return l.stream().map(s -> s.isEmpty() ? s : s.substring(indent)).collect(Collectors.joining("\n"));
    }

    /** The first differing line and a few lines of context, "-" for the Markdown, "+" for the code. */
    static String diff(String markdown, String code) {
        String[] a = markdown.split("\n", -1);
        String[] b = code.split("\n", -1);
        int first = 0;
        while (first < a.length && first < b.length && a[first].equals(b[first])) {
            first++;
        }
        StringBuilder out = new StringBuilder();
        for (int i = Math.max(0, first - 2); i < first; i++) {
            out.append("    ").append(a[i]).append('\n');
        }
        for (int i = first; i < Math.min(a.length, first + 3); i++) {
            out.append("  - ").append(a[i]).append('\n');
        }
        for (int i = first; i < Math.min(b.length, first + 3); i++) {
            out.append("  + ").append(b[i]).append('\n');
        }
        out.append("  (first difference at line ").append(first + 1).append(" of the block; the block has ")
                .append(a.length).append(" lines, the region ").append(b.length).append(')');
        return out.toString();
    }
}
