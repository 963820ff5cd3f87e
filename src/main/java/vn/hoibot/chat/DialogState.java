package vn.hoibot.chat;

import java.util.LinkedHashMap;
import java.util.Map;

/** Where a dialog stands: its step and the answers so far (small text values, no personal data beyond need). */
public record DialogState(String dialog, String step, Map<String, String> data) {

    public DialogState {
        data = Map.copyOf(data == null ? Map.of() : data);
    }

    public String get(String key) {
        return data.get(key);
    }

    public DialogState next(String nextStep) {
        return new DialogState(dialog, nextStep, data);
    }

    public DialogState with(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(data);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new DialogState(dialog, step, copy);
    }
}
