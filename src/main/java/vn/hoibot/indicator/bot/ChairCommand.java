package vn.hoibot.indicator.bot;

import vn.hoibot.chat.ButtonAction;
import vn.hoibot.chat.CommandHandler;

/**
 * A commune chair's command driven by buttons whose every step travels in the payload {@code P}: its name, its
 * description {@code indicator.command.<name>}, the leaders' menu, and the one button action of its steps.
 */
abstract class ChairCommand<P extends Record> implements CommandHandler, ButtonAction<P> {

    private final String command;
    private final String action;
    private final Class<P> payloadType;

    ChairCommand(String command, String action, Class<P> payloadType) {
        this.command = command;
        this.action = action;
        this.payloadType = payloadType;
    }

    @Override
    public String command() {
        return command;
    }

    @Override
    public String descriptionKey() {
        return "indicator.command." + command;
    }

    @Override
    public Menu menu() {
        return Menu.LEADER;
    }

    @Override
    public String action() {
        return action;
    }

    @Override
    public Class<P> payloadType() {
        return payloadType;
    }
}
