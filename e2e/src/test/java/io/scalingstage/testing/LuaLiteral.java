package io.scalingstage.testing;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON object as a Lua 5.1 chunk that returns the table Argo CD hands a health check as {@code obj}: objects and
 * arrays become tables (arrays indexed from 1), numbers Lua numbers, and a null field no entry at all, as Argo CD's
 * decodeValue gives nil for it (util/lua/lua.go).
 */
public final class LuaLiteral {

    private LuaLiteral() {
    }

    public static String chunk(JsonNode object) {
        if (!object.isObject()) {
            throw new IllegalArgumentException("Argo CD checks a Kubernetes object, a JSON object; got " + object.getNodeType());
        }
        StringBuilder out = new StringBuilder("return ");
        value(object, "$", out);
        return out.append('\n').toString();
    }

    private static void value(JsonNode node, String path, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.append('{');
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    if (!field.getValue().isNull()) {
                        out.append('[');
                        string(field.getKey(), out);
                        out.append("]=");
                        value(field.getValue(), path + "." + field.getKey(), out);
                        out.append(',');
                    }
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('{');
                for (int i = 0; i < node.size(); i++) {
                    if (node.get(i).isNull()) {
                        // A nil in a Lua sequence ends it: Argo CD's table would not hold what the JSON says.
                        throw new IllegalArgumentException("null at " + path + "[" + i + "] has no place in a Lua sequence");
                    }
                    value(node.get(i), path + "[" + i + "]", out);
                    out.append(',');
                }
                out.append('}');
            }
            case STRING -> string(node.textValue(), out);
            // JSON numbers are Lua numeric literals as they stand; Lua reads them all as doubles, as Argo CD does.
            case NUMBER -> out.append(node.asText());
            case BOOLEAN -> out.append(node.booleanValue());
            default -> throw new IllegalArgumentException("unexpected " + node.getNodeType() + " at " + path);
        }
    }

    /** A Lua string literal: quotes, backslashes and control characters escaped, the rest as UTF-8. */
    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        // Three digits, so a digit after the escape is not read into it.
                        out.append(String.format("\\%03d", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
