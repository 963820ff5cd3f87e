package vn.hoibot.console;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import vn.hoibot.chat.Button;
import vn.hoibot.chat.Channel;
import vn.hoibot.chat.Messages;
import vn.hoibot.chat.Outbound;
import vn.hoibot.chat.SentMessage;

/**
 * A channel on stdin/stdout, for trying the bot without Telegram. Every identity the console plays has its own
 * chat (its user id): what goes to the identity she plays now is printed as {@code HoiBot>}, what goes to anyone
 * else as {@code → <her name>}, so a notice to a branch shows every delivery. Buttons are printed numbered and
 * chosen by typing the number (each chat keeps its own); the "share my phone" keyboard is option 0.
 */
class ConsoleChannel implements Channel {

    static final String NAME = "console";

    /** A numbered button of a chat's latest message with buttons. */
    record Option(String data, String label, String messageId) {
    }

    private final PrintStream out;
    private final Messages messages;
    private final AtomicInteger messageIds = new AtomicInteger();
    private final Map<String, List<Option>> options = new ConcurrentHashMap<>();
    private final Map<String, String> names = new ConcurrentHashMap<>();
    private final Map<String, Boolean> contactOffered = new ConcurrentHashMap<>();
    private volatile String current = "guest";

    ConsoleChannel(PrintStream out, Messages messages) {
        this.out = out;
        this.messages = messages;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The chat she plays now; messages to the others are printed with their names. */
    void playing(String chatId, String displayName) {
        current = chatId;
        names.put(chatId, displayName);
    }

    void knowAs(String chatId, String displayName) {
        names.put(chatId, displayName);
    }

    @Override
    public synchronized SentMessage send(Outbound message) {
        String id = String.valueOf(messageIds.incrementAndGet());
        print(message, id);
        return new SentMessage(message.chatId(), id);
    }

    @Override
    public synchronized void edit(String chatId, String messageId, Outbound message) {
        print(message, messageId);
    }

    @Override
    public synchronized void answerButton(String callbackId, String toast) {
        if (toast != null && !toast.isBlank()) {
            out.println("        (" + toast + ")");
            out.flush();
        }
    }

    @Override
    public byte[] download(String fileRef) {
        return new byte[0];
    }

    /** Numbered option {@code n} of the latest message with buttons in her chat, or null. */
    Option option(String chatId, int n) {
        List<Option> list = options.getOrDefault(chatId, List.of());
        return n >= 1 && n <= list.size() ? list.get(n - 1) : null;
    }

    boolean contactOffered(String chatId) {
        return contactOffered.getOrDefault(chatId, false);
    }

    synchronized void say(String line) {
        out.println(line);
        out.flush();
    }

    private void print(Outbound message, String messageId) {
        String chat = message.chatId();
        boolean mine = chat.equals(current);
        out.println();
        String prefix = mine ? "HoiBot> "
                : messages.get(Messages.VIETNAMESE, "console.to", names.getOrDefault(chat, chat)) + " ";
        out.println(prefix + message.text().replace("\n", "\n        "));
        if (message.attachment() != null) {
            out.println("        " + messages.get(Messages.VIETNAMESE, "console.file", message.attachment().fileName()));
        }
        if (!message.buttons().isEmpty()) {
            List<Option> numbered = new ArrayList<>();
            StringBuilder line = new StringBuilder("       ");
            for (List<Button> row : message.buttons()) {
                for (Button button : row) {
                    if (button.url() != null) {
                        line.append(" [").append(button.label()).append(": ").append(button.url()).append(']');
                    } else {
                        numbered.add(new Option(button.data(), button.label(), messageId));
                        line.append(" [").append(numbered.size()).append("] ").append(button.label());
                    }
                }
            }
            options.put(chat, numbered);
            out.println(line);
        } else {
            List<Option> old = options.get(chat);
            if (old != null && !old.isEmpty() && old.get(0).messageId().equals(messageId)) {
                options.remove(chat); // edited without buttons: they are gone, as on Telegram
            }
        }
        if (message.askForContact() != null) {
            contactOffered.put(chat, true);
            out.println("        [0] " + message.askForContact());
        }
        out.flush();
    }
}
