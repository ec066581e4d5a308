package school.evidence.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;

/**
 * Every text field of a request: text in quotes only (a number or true is not text), any real Unicode (accents, Welsh, emoji, right-to-left scripts) is accepted as sent;
 * broken Unicode (an unpaired surrogate) and control characters other than tab and line breaks are refused, because
 * they cannot be stored and hashed byte-for-byte the same way everywhere.
 */
public final class SafeText extends StdScalarDeserializer<String> {

    public SafeText() {
        super(String.class);
    }

    public static SimpleModule module() {
        return new SimpleModule("safe-text").addDeserializer(String.class, new SafeText());
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
            return (String) ctxt.handleUnexpectedToken(String.class, p); // 42 or true is not text
        }
        String value = StringDeserializer.instance.deserialize(p, ctxt);
        if (value != null) {
            String problem = problemIn(value);
            if (problem != null) {
                return (String) ctxt.handleWeirdStringValue(String.class, value, problem);
            }
        }
        return value;
    }

    static String problemIn(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains broken Unicode (an unpaired surrogate)";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains broken Unicode (an unpaired surrogate)";
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return "contains a control character";
            }
        }
        return null;
    }
}
