package vn.hoibot.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

import vn.hoibot.chat.ChatType;
import vn.hoibot.chat.ConsoleIdentities;
import vn.hoibot.chat.Inbound;
import vn.hoibot.chat.InboundQueue;
import vn.hoibot.chat.Messages;
import vn.hoibot.chat.Sender;

/**
 * Reads the console line by line and hands each line to the chat core as the person the console acts as.
 * {@code /as <phone or name>} switches to a roster member; a number presses the numbered button; 0 shares her
 * phone number when asked.
 */
class ConsoleRunner implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private static final String CHAT = "console";

    private final ConsoleChannel channel;
    private final InboundQueue queue;
    private final ObjectProvider<ConsoleIdentities> identities;
    private final Messages messages;
    private final BufferedReader in;
    private final PrintStream out;
    private volatile Sender me;
    private volatile String myPhone;
    private volatile boolean running;

    ConsoleRunner(ConsoleChannel channel, InboundQueue queue, ObjectProvider<ConsoleIdentities> identities,
            Messages messages, java.io.InputStream in, PrintStream out) {
        this.channel = channel;
        this.queue = queue;
        this.identities = identities;
        this.messages = messages;
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = out;
        this.me = new Sender(ConsoleChannel.NAME, "guest", CHAT, ChatType.PRIVATE,
                messages.get(Messages.VIETNAMESE, "console.guest"), Messages.VIETNAMESE);
    }

    /** Starts reading once the application is ready (after the demo roster has loaded). */
    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        running = true;
        Thread reader = new Thread(this::readLoop, "console");
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop() {
        out.println(messages.get(Messages.VIETNAMESE, "console.welcome"));
        try {
            String line;
            while (running && (line = in.readLine()) != null) {
                handle(line.strip());
            }
        } catch (IOException e) {
            running = false;
        }
    }

    void handle(String line) {
        if (line.isEmpty()) {
            return;
        }
        if (line.startsWith("/as ")) {
            switchTo(line.substring(4).strip());
        } else if (line.equals("0") && channel.contactOffered() && myPhone != null) {
            queue.submit(new Inbound.ContactShared(me, myPhone, me.userId(), me.displayName(), null), null);
        } else if (line.matches("\\d{1,2}") && channel.option(Integer.parseInt(line)) != null) {
            queue.submit(new Inbound.ButtonPress(me, null, channel.option(Integer.parseInt(line)),
                    channel.lastMessageId()), null);
        } else {
            queue.submit(new Inbound.Text(me, line), null);
        }
    }

    private void switchTo(String who) {
        ConsoleIdentities directory = identities.getIfAvailable();
        Optional<ConsoleIdentities.Identity> found = directory == null ? Optional.empty() : directory.actAs(who);
        if (found.isEmpty()) {
            out.println(messages.get(Messages.VIETNAMESE, "console.as.not_found", who));
            return;
        }
        ConsoleIdentities.Identity identity = found.get();
        me = new Sender(ConsoleChannel.NAME, identity.userId(), CHAT, ChatType.PRIVATE, identity.displayName(),
                Messages.VIETNAMESE);
        myPhone = who.matches("[+0-9 .-]{8,}") ? who : null;
        out.println(messages.get(Messages.VIETNAMESE, "console.as.switched", identity.displayName()));
    }

    Sender me() {
        return me;
    }

    @Override
    public void destroy() {
        running = false;
    }
}
