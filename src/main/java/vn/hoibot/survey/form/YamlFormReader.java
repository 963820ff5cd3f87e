package vn.hoibot.survey.form;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a YAML definition with XLSForm's field names: {@code settings} (a mapping), {@code survey} (a list of rows),
 * {@code choices} (a list of rows with {@code list_name}, or a mapping list name → rows). A text may be a mapping by
 * language ({@code label: {vi: …, en: …}}) or columns {@code label::vi}. Rows carry their line numbers.
 */
public final class YamlFormReader {

    private YamlFormReader() {
    }

    public static RawForm read(String file, byte[] content) {
        List<DefinitionError> errors = new ArrayList<>();
        List<RawRow> survey = new ArrayList<>();
        List<RawRow> choices = new ArrayList<>();
        Map<String, SourceLocation> declared = new LinkedHashMap<>();
        RawRow settings = null;
        String hash = ContentHash.of(content);
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(options).compose(new StringReader(new String(content, StandardCharsets.UTF_8)));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            errors.add(new DefinitionError(new SourceLocation(file, null, line), "survey.form.error.yaml-syntax",
                    new Object[] { e.getProblem() }));
            return new RawForm(file, survey, choices, null, declared, errors, hash);
        } catch (YAMLException e) {
            errors.add(new DefinitionError(SourceLocation.file(file), "survey.form.error.yaml-syntax",
                    new Object[] { "" }));
            return new RawForm(file, survey, choices, null, declared, errors, hash);
        }
        if (!(root instanceof MappingNode top)) {
            errors.add(structure(file, root, "settings, survey, choices"));
            return new RawForm(file, survey, choices, null, declared, errors, hash);
        }
        for (NodeTuple entry : top.getValue()) {
            String key = scalar(entry.getKeyNode());
            Node value = entry.getValueNode();
            switch (key == null ? "" : key) {
                case "settings" -> settings = row(file, value, null, errors);
                case "survey" -> rows(file, value, null, survey, errors);
                case "choices" -> {
                    if (value instanceof MappingNode lists) {
                        for (NodeTuple list : lists.getValue()) {
                            String listName = scalar(list.getKeyNode());
                            declared.put(listName, location(file, list.getKeyNode()));
                            rows(file, list.getValueNode(), listName, choices, errors);
                        }
                    } else {
                        rows(file, value, null, choices, errors);
                    }
                }
                default -> errors.add(structure(file, entry.getKeyNode(), "settings, survey, choices"));
            }
        }
        return new RawForm(file, survey, choices, settings, declared, errors, hash);
    }

    private static void rows(String file, Node node, String listName, List<RawRow> out, List<DefinitionError> errors) {
        if (node instanceof ScalarNode s && s.getValue().isEmpty()) {
            return;
        }
        if (!(node instanceof SequenceNode sequence)) {
            errors.add(structure(file, node, "- type: …"));
            return;
        }
        for (Node item : sequence.getValue()) {
            RawRow row = row(file, item, listName, errors);
            if (row != null) {
                out.add(row);
            }
        }
    }

    private static RawRow row(String file, Node node, String listName, List<DefinitionError> errors) {
        if (!(node instanceof MappingNode mapping)) {
            errors.add(structure(file, node, "name: …"));
            return null;
        }
        Map<String, String> cells = new LinkedHashMap<>();
        if (listName != null) {
            cells.put("list_name", listName);
        }
        for (NodeTuple t : mapping.getValue()) {
            String column = scalar(t.getKeyNode());
            Node value = t.getValueNode();
            if (column == null) {
                errors.add(structure(file, t.getKeyNode(), "name: …"));
            } else if (value instanceof ScalarNode s) {
                cells.put(column, s.getValue());
            } else if (value instanceof MappingNode byLanguage) {
                for (NodeTuple lt : byLanguage.getValue()) {
                    if (lt.getValueNode() instanceof ScalarNode s && scalar(lt.getKeyNode()) != null) {
                        cells.put(column + "::" + scalar(lt.getKeyNode()), s.getValue());
                    } else {
                        errors.add(structure(file, lt.getValueNode(), column + ": {vi: …}"));
                    }
                }
            } else {
                errors.add(structure(file, value, column + ": …"));
            }
        }
        return new RawRow(location(file, node), cells);
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    private static SourceLocation location(String file, Node node) {
        return new SourceLocation(file, null, node == null ? 0 : node.getStartMark().getLine() + 1);
    }

    private static DefinitionError structure(String file, Node node, String expected) {
        return new DefinitionError(location(file, node), "survey.form.error.yaml-structure", new Object[] { expected });
    }
}
