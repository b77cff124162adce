package io.ovrsis.runtime.weights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Which attributes of each TorchScript module class are parameters or buffers, read from the
 * archive's {@code code/} folder. A module's pickled state holds every attribute (also plain
 * tensor attributes that {@code state_dict()} leaves out); the class source lists the ones that
 * count: <pre>
 * class Conv2d(Module):
 *   __parameters__ = ["weight", "bias", ]
 *   __buffers__ = []
 * </pre>
 * The class {@code __torch__.a.b.C} is defined in {@code code/__torch__/a/b.py} (mangled classes,
 * {@code __torch__.a.b.___torch_mangle_3.C}, in {@code code/__torch__/a/b/___torch_mangle_3.py}).
 */
final class TorchScriptSchema {
    private static final Pattern CLASS = Pattern.compile("^class\\s+(\\w+)\\s*\\(", Pattern.MULTILINE);
    private static final Pattern LIST = Pattern.compile(
            "^\\s+(__parameters__|__buffers__)\\s*=\\s*\\[([^\\]]*)]", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("\"([^\"]*)\"|'([^']*)'");

    private final Map<String, Set<String>> stateNames;

    private TorchScriptSchema(Map<String, Set<String>> stateNames) {
        this.stateNames = stateNames;
    }

    /** Reads the class definitions under {@code <prefix>code/}. */
    static TorchScriptSchema read(ZipFile zip, String prefix) throws IOException {
        Map<String, Set<String>> names = new HashMap<>();
        String codeDir = prefix + "code/";
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName();
            if (!name.startsWith(codeDir) || !name.endsWith(".py")) {
                continue;
            }
            String module = name.substring(codeDir.length(), name.length() - ".py".length())
                    .replace('/', '.');
            try (InputStream in = zip.getInputStream(entry)) {
                parse(module, new String(in.readAllBytes(), StandardCharsets.UTF_8), names);
            }
        }
        return new TorchScriptSchema(names);
    }

    static void parse(String module, String source, Map<String, Set<String>> into) {
        Matcher classes = CLASS.matcher(source);
        int start = classes.find() ? classes.start() : -1;
        while (start >= 0) {
            String className = classes.group(1);
            int end = classes.find() ? classes.start() : source.length();
            Set<String> state = null;
            Matcher lists = LIST.matcher(source.substring(start, end));
            while (lists.find()) {
                if (state == null) {
                    state = new LinkedHashSet<>();
                }
                Matcher names = NAME.matcher(lists.group(2));
                while (names.find()) {
                    state.add(names.group(1) != null ? names.group(1) : names.group(2));
                }
            }
            if (state != null) {
                into.put(module + "." + className, state);
            }
            start = end < source.length() ? end : -1;
        }
    }

    /**
     * The parameter and buffer names of a module class, or null if the archive does not define
     * the class (then every tensor attribute counts).
     */
    Set<String> stateNames(PyClass type) {
        return stateNames.get(type.qualifiedName());
    }
}
