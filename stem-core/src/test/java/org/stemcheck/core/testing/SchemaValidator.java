package org.stemcheck.core.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates parsed JSON against the subset of JSON Schema 2020-12 that {@code docs/report.schema.json}
 * uses: {@code type} (one or several), {@code const}, {@code enum}, {@code properties},
 * {@code required}, {@code additionalProperties} (false or a schema), {@code items},
 * {@code minItems}/{@code maxItems}, {@code minimum}/{@code maximum}, {@code minLength},
 * {@code pattern}, and {@code $ref} to {@code #/$defs/...}. Any other keyword fails loudly, so
 * the schema cannot silently use more than is checked.
 */
public final class SchemaValidator {

    private static final Set<String> KNOWN = Set.of("$schema", "$id", "title", "description", "$defs", "type", "const",
            "enum", "properties", "required", "additionalProperties", "items", "minItems", "maxItems", "minimum",
            "maximum", "minLength", "pattern", "$ref");

    private final Map<String, Object> root;

    public SchemaValidator(Map<String, Object> root) {
        this.root = root;
    }

    /** Every violation, as {@code path: what}; empty when the instance is valid. */
    public List<String> validate(Object instance) {
        List<String> errors = new ArrayList<>();
        check(root, instance, "$", errors);
        return errors;
    }

    @SuppressWarnings("unchecked")
    private void check(Map<String, Object> schema, Object v, String path, List<String> errors) {
        for (String k : schema.keySet()) {
            if (!KNOWN.contains(k)) {
                throw new IllegalStateException("schema keyword not supported by this validator: " + k);
            }
        }
        if (schema.containsKey("$ref")) {
            check(resolve((String) schema.get("$ref")), v, path, errors);
        }
        if (schema.containsKey("type") && !typeMatches(schema.get("type"), v)) {
            errors.add(path + ": expected type " + schema.get("type") + ", got " + describe(v));
            return;
        }
        if (schema.containsKey("const") && !same(schema.get("const"), v)) {
            errors.add(path + ": expected " + schema.get("const") + ", got " + v);
        }
        if (schema.containsKey("enum") && ((List<Object>) schema.get("enum")).stream().noneMatch(e -> same(e, v))) {
            errors.add(path + ": " + v + " is not one of " + schema.get("enum"));
        }
        if (v instanceof Map) {
            object(schema, (Map<String, Object>) v, path, errors);
        } else if (v instanceof List) {
            array(schema, (List<Object>) v, path, errors);
        } else if (v instanceof BigDecimal) {
            number(schema, (BigDecimal) v, path, errors);
        } else if (v instanceof String) {
            string(schema, (String) v, path, errors);
        }
    }

    @SuppressWarnings("unchecked")
    private void object(Map<String, Object> schema, Map<String, Object> v, String path, List<String> errors) {
        for (Object r : (List<Object>) schema.getOrDefault("required", List.of())) {
            if (!v.containsKey((String) r)) {
                errors.add(path + ": missing required key " + r);
            }
        }
        Map<String, Object> props = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        Object additional = schema.get("additionalProperties");
        for (Map.Entry<String, Object> e : v.entrySet()) {
            String p = path + "." + e.getKey();
            if (props.containsKey(e.getKey())) {
                check((Map<String, Object>) props.get(e.getKey()), e.getValue(), p, errors);
            } else if (Boolean.FALSE.equals(additional)) {
                errors.add(path + ": unexpected key " + e.getKey());
            } else if (additional instanceof Map) {
                check((Map<String, Object>) additional, e.getValue(), p, errors);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void array(Map<String, Object> schema, List<Object> v, String path, List<String> errors) {
        if (schema.containsKey("minItems") && v.size() < ((BigDecimal) schema.get("minItems")).intValue()) {
            errors.add(path + ": fewer than " + schema.get("minItems") + " items");
        }
        if (schema.containsKey("maxItems") && v.size() > ((BigDecimal) schema.get("maxItems")).intValue()) {
            errors.add(path + ": more than " + schema.get("maxItems") + " items");
        }
        if (schema.containsKey("items")) {
            for (int k = 0; k < v.size(); k++) {
                check((Map<String, Object>) schema.get("items"), v.get(k), path + "[" + k + "]", errors);
            }
        }
    }

    private static void number(Map<String, Object> schema, BigDecimal v, String path, List<String> errors) {
        if (schema.containsKey("minimum") && v.compareTo((BigDecimal) schema.get("minimum")) < 0) {
            errors.add(path + ": " + v + " is below " + schema.get("minimum"));
        }
        if (schema.containsKey("maximum") && v.compareTo((BigDecimal) schema.get("maximum")) > 0) {
            errors.add(path + ": " + v + " is above " + schema.get("maximum"));
        }
    }

    private static void string(Map<String, Object> schema, String v, String path, List<String> errors) {
        if (schema.containsKey("minLength") && v.length() < ((BigDecimal) schema.get("minLength")).intValue()) {
            errors.add(path + ": shorter than " + schema.get("minLength"));
        }
        if (schema.containsKey("pattern") && !Pattern.compile((String) schema.get("pattern")).matcher(v).find()) {
            errors.add(path + ": '" + v + "' does not match " + schema.get("pattern"));
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(String ref) {
        String prefix = "#/$defs/";
        if (!ref.startsWith(prefix)) {
            throw new IllegalStateException("only #/$defs/ references are supported: " + ref);
        }
        Map<String, Object> defs = (Map<String, Object>) root.get("$defs");
        Map<String, Object> target = (Map<String, Object>) defs.get(ref.substring(prefix.length()));
        if (target == null) {
            throw new IllegalStateException("no such definition: " + ref);
        }
        return target;
    }

    @SuppressWarnings("unchecked")
    private static boolean typeMatches(Object type, Object v) {
        if (type instanceof List) {
            return ((List<Object>) type).stream().anyMatch(t -> typeMatches(t, v));
        }
        switch ((String) type) {
            case "null":
                return v == null;
            case "boolean":
                return v instanceof Boolean;
            case "string":
                return v instanceof String;
            case "object":
                return v instanceof Map;
            case "array":
                return v instanceof List;
            case "number":
                return v instanceof BigDecimal;
            case "integer":
                return v instanceof BigDecimal && ((BigDecimal) v).stripTrailingZeros().scale() <= 0;
            default:
                throw new IllegalStateException("unknown type " + type);
        }
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal && b instanceof BigDecimal) {
            return ((BigDecimal) a).compareTo((BigDecimal) b) == 0;
        }
        return a == null ? b == null : a.equals(b);
    }

    private static String describe(Object v) {
        return v == null ? "null" : v.getClass().getSimpleName() + " " + v;
    }
}
