package vn.hoibot.survey.form;

import java.util.Arrays;

/** One reason a definition was not loaded: where (file, sheet, row or line) and why, as a message key and args. */
public record DefinitionError(SourceLocation where, String key, Object[] args) {

    public DefinitionError {
        args = args == null ? new Object[0] : args.clone();
    }

    @Override
    public Object[] args() {
        return args.clone();
    }

    @Override
    public String toString() {
        return where + ": " + key + " " + Arrays.toString(args);
    }
}
