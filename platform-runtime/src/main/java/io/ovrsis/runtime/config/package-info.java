/**
 * Experiment configs: YAML files with {@code extends}, {@code --set} overrides, provenance of every
 * value, and strict typed binding to each component's config record.
 *
 * <h2>Pipeline</h2>
 * <ol>
 *   <li>{@link io.ovrsis.runtime.config.ExperimentLoader#load ExperimentLoader.load(file, overrides)}
 *       parses the files, resolves {@code extends}, applies {@code --set} and returns a
 *       {@link io.ovrsis.runtime.config.LoadedExperiment}: the resolved tree plus a
 *       {@link io.ovrsis.runtime.config.SourceMap} from dotted key path ({@code model.fusion.layers},
 *       {@code eval.datasets[0].component}) to {@code file:line:col} or {@code --set #n}.</li>
 *   <li>{@link io.ovrsis.runtime.config.ExperimentBinder#bind ExperimentBinder.bind(loaded, lookup)}
 *       finds each slot's factory through a {@link io.ovrsis.runtime.config.ComponentLookup}, merges
 *       the user's keys over {@code factory.defaultConfig()}, binds the result strictly to
 *       {@code factory.configType()}, validates it with Hibernate Validator, fills in platform
 *       defaults, and returns an {@link io.ovrsis.runtime.config.ExperimentSpec}.</li>
 *   <li>Any mistake, in either step, ends in one {@link io.ovrsis.runtime.config.ConfigException}
 *       listing all of them ({@link io.ovrsis.runtime.config.ConfigException#format()}); error codes
 *       are the constants of {@link io.ovrsis.runtime.config.ConfigErrors}.</li>
 *   <li>{@link io.ovrsis.runtime.config.ConfigPrinter} prints the resolved YAML with each value's
 *       origin; {@link io.ovrsis.runtime.config.ConfigFlattener} turns it into run parameters.</li>
 * </ol>
 *
 * <h2>YAML rules</h2>
 * <ol>
 *   <li>One document per file; the top level is a map. An empty file is an empty map.</li>
 *   <li>The same key twice in one map is an error ({@code OVRSIS-CONFIG-DUPLICATE-KEY}).</li>
 *   <li>Anchors ({@code &x}), aliases ({@code *x}) and merge keys ({@code <<:}) are errors
 *       ({@code OVRSIS-CONFIG-YAML-ANCHOR}): share settings with {@code extends}. Tags other than
 *       {@code !!str} are errors too.</li>
 *   <li>{@code yes}, {@code no}, {@code on}, {@code off} are strings, not booleans (only
 *       {@code true}/{@code false} are booleans). {@code 2e-4} and {@code 1e5} are numbers;
 *       quoted values are always strings; an empty value ({@code key:}) is null.</li>
 * </ol>
 *
 * <h2>Inheritance rules ({@code extends})</h2>
 * <ol>
 *   <li>{@code extends:} is a path or a list of paths at the top level of a file, relative to
 *       that file's folder. It is removed from the result.</li>
 *   <li>A base must lie inside the project root (no {@code ..} escape, no symlink escape, no URLs),
 *       and must exist; the error names the {@code extends} entry.</li>
 *   <li>Bases are resolved depth-first, each with its own {@code extends}. At most
 *       {@value io.ovrsis.runtime.config.ExperimentLoader#MAX_EXTENDS_DEPTH} levels below the
 *       experiment file: experiment → a → b → c is fine, a fourth level is an error showing the
 *       chain. A file that extends itself, directly or not, is an error showing the cycle. The
 *       same base reached twice through different branches (a diamond) is not a cycle.</li>
 *   <li>Bases are merged left to right. Where two bases of one file set the same leaf (a scalar or
 *       a list) from different places, that is an error naming both {@code file:line}s
 *       ({@code OVRSIS-CONFIG-BASE-CONFLICT}) — unless the including file, a file above it or a
 *       {@code --set} sets that key itself, which settles the conflict. A value both bases inherit
 *       from one common base is not a conflict.</li>
 *   <li>The including file is deep-merged over its merged bases: maps merge key by key; lists and
 *       scalars replace the base's value as a whole (there is no list append); a map replaces a
 *       scalar and the other way round.</li>
 *   <li>A <em>slot</em> is any map with a {@code component} key. When the child's slot names a
 *       different {@code component} than the base's slot, the child's slot replaces the base slot
 *       wholesale: no key of the old component leaks into the new one (this is what mmengine's
 *       {@code _delete_=True} is for). If the component is the same, or the child's map has no
 *       {@code component}, the maps merge as usual. Replacements are noted in the source map and
 *       shown by print-config.</li>
 * </ol>
 *
 * <h2>Override rules ({@code --set key.path=value})</h2>
 * <ol>
 *   <li>Overrides apply after all files, in the order given; each is recorded as {@code --set #n}
 *       (1-based) in the source map.</li>
 *   <li>The key path is dotted, with list indices: {@code model.fusion.layers},
 *       {@code eval.datasets[0].split}. A missing map on the way is created; an index equal to
 *       the list's size appends an item; a larger index, or a path through a scalar, is an error.</li>
 *   <li>The value is YAML: {@code 5} is an integer, {@code 2e-4} a double, {@code true} a boolean,
 *       {@code [0, 90]} a list, {@code {a: 1}} a map, {@code "5"} a string, an empty value null.</li>
 *   <li>A map value merges into an existing map like a child file does; anything else replaces.</li>
 *   <li>Setting a slot's {@code component} to a different id resets the slot: only keys that were
 *       themselves given with {@code --set} (before or after) are kept, so
 *       {@code --set model.fusion.component=catseg --set model.fusion.depth=2} yields exactly
 *       {@code {component: catseg, depth: 2}}.</li>
 *   <li>A malformed argument is an error showing the argument and the expected form
 *       ({@code OVRSIS-CONFIG-OVERRIDE}); a key that does not exist is caught by the binder and
 *       reported against {@code --set #n}.</li>
 * </ol>
 *
 * <h2>Binding rules</h2>
 * <ol>
 *   <li>Top-level keys: {@code seed}, {@code model}, {@code data}, {@code train}, {@code eval},
 *       {@code tracking}; inside {@code model}, {@code data} and {@code eval} the keys are fixed
 *       too. Unknown keys are errors that list the valid keys and suggest the closest one.</li>
 *   <li>A slot needs {@code component} (a bare id, {@code dlrsd}, is short for
 *       {@code {component: dlrsd}}). An unknown id lists the known ids grouped by plugin and
 *       version, with a did-you-mean. The other keys of the slot are merged over the factory's
 *       {@code defaultConfig()} (maps merge, lists replace) and bound to its {@code configType()}:
 *       unknown keys, wrong types ({@code "5"} for a number, {@code 2.5} for an integer,
 *       {@code yes} for a boolean) and constraint violations are errors; enum values match
 *       case-insensitively.</li>
 *   <li>Dataset slots ({@code data.train}, {@code eval.datasets[i]}) take the platform key
 *       {@code split}, removed before the reader's config is bound ({@code train} by default for
 *       {@code data.train}; null, meaning the reader's evaluation split, under {@code eval}).</li>
 *   <li>{@code model.auxEncoders.<name>: null} removes an encoder a base file declared.</li>
 *   <li>Defaults: {@code seed} 0, {@code model.auxEncoders} empty, {@code data} 384 / 4 / 2 with
 *       augment on, {@code train} per {@link io.ovrsis.runtime.config.TrainSpec#defaults} (but
 *       {@code train.iterations} is required), {@code eval.datasets} empty,
 *       {@code eval.metrics} {@code [{component: semseg}]}, {@code tracking} {@code {component: mlflow}}.
 *       {@code model.imageEncoder} and {@code model.textEncoder} are required; aggregator, fusion
 *       and decoder are null when absent (the composition check decides).</li>
 *   <li>Every error carries the key path and the source of the value; a key that exists only
 *       through defaults points at its slot's {@code component:} line, and at the experiment file
 *       when nothing better is known.</li>
 * </ol>
 */
package io.ovrsis.runtime.config;
