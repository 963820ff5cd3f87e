package vn.hoibot.access;

import vn.hoibot.chat.UserFacingException;

/** The actor may not do this here; rendered from {@code access.denied}. */
public class AccessDeniedException extends UserFacingException {

    public AccessDeniedException() {
        super("access.denied");
    }
}
