package vn.hoibot.console;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import vn.hoibot.chat.Button;
import vn.hoibot.chat.Channel;
import vn.hoibot.chat.Messages;
import vn.hoibot.chat.Outbound;
import vn.hoibot.chat.SentMessage;

/**
 * A channel on stdin/stdout, for trying the bot without Telegram. Buttons are printed numbered and chosen by
 * typing the number; the "share my phone" keyboard is option 0.
 */
class ConsoleChannel implements Channel {

    static final String NAME = "console";

    private final PrintStream out;
    private final Messages messages;
    private final AtomicInteger messageIds = new AtomicInteger();
    private final List<String> options = new ArrayList<>();
    private volatile String lastMessageId;
    private volatile boolean contactOffered;

    ConsoleChannel(PrintStream out, Messages messages) {
        this.out = out;
        this.messages = messages;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized SentMessage send(Outbound message) {
        String id = String.valueOf(messageIds.incrementAndGet());
        print(message);
        lastMessageId = id;
        return new SentMessage(message.chatId(), id);
    }

    @Override
    public synchronized void edit(String chatId, String messageId, Outbound message) {
        print(message);
        lastMessageId = messageId;
    }

    @Override
    public void answerButton(String callbackId, String toast) {
        if (toast != null) {
            out.println("  (" + toast + ")");
        }
    }

    @Override
    public byte[] download(String fileRef) {
        return new byte[0];
    }

    /** The data of numbered option {@code n} of the last message with buttons, or null. */
    synchronized String option(int n) {
        return n >= 1 && n <= options.size() ? options.get(n - 1) : null;
    }

    boolean contactOffered() {
        return contactOffered;
    }

    String lastMessageId() {
        return lastMessageId;
    }

    private void print(Outbound message) {
        out.println();
        out.println("HoiBot> " + message.text().replace("\n", "\n        "));
        if (message.attachment() != null) {
            out.println("        " + messages.get(Messages.VIETNAMESE, "console.file", message.attachment().fileName()));
        }
        if (!message.buttons().isEmpty()) {
            options.clear();
            StringBuilder line = new StringBuilder("       ");
            for (List<Button> row : message.buttons()) {
                for (Button button : row) {
                    if (button.url() != null) {
                        line.append(" [").append(button.label()).append(": ").append(button.url()).append(']');
                    } else {
                        options.add(button.data());
                        line.append(" [").append(options.size()).append("] ").append(button.label());
                    }
                }
            }
            out.println(line);
        }
        if (message.askForContact() != null) {
            contactOffered = true;
            out.println("        [0] " + message.askForContact());
        }
        out.flush();
    }
}
