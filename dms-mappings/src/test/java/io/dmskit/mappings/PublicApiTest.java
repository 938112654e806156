package io.dmskit.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The public API of dms-mappings speaks only its own types: nothing from {@code internal}, nothing from Jackson. */
class PublicApiTest {

    @Test
    @DisplayName("no public or protected signature outside internal mentions an internal or a Jackson type")
    void noInternalOrJacksonTypeInPublicSignatures() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> c : publicClasses()) {
            List<Type> types = new ArrayList<>();
            types.add(c.getGenericSuperclass());
            types.addAll(List.of(c.getGenericInterfaces()));
            for (Field f : c.getFields()) {
                types.add(f.getGenericType());
            }
            List<Executable> executables = new ArrayList<>(List.of(c.getMethods()));
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (Modifier.isPublic(k.getModifiers()) || Modifier.isProtected(k.getModifiers())) {
                    executables.add(k);
                }
            }
            for (Executable e : executables) {
                types.addAll(List.of(e.getGenericParameterTypes()));
                if (e instanceof Method m) {
                    types.add(m.getGenericReturnType());
                }
            }
            for (Type t : types) {
                String name = t == null ? "" : t.getTypeName();
                if (name.contains(".internal.") || name.contains("com.fasterxml")) {
                    leaks.add(c.getName() + " -> " + name);
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    private static List<Class<?>> publicClasses() throws Exception {
        Path root = Path.of(Rules.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(p).toString().replace(FILE_SEPARATOR, '.').replaceAll("\\.class$", "");
                if (name.contains(".internal.")) {
                    continue;
                }
                Class<?> c = Class.forName(name, false, PublicApiTest.class.getClassLoader());
                if (Modifier.isPublic(c.getModifiers())) {
                    out.add(c);
                }
            }
        }
        assertThat(out).contains(Rules.class, TableMappings.class, TransformationStep.class);
        return out;
    }

    private static final char FILE_SEPARATOR = java.io.File.separatorChar;
}
