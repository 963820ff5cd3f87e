package vn.hoibot.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

import vn.hoibot.chat.ChatType;
import vn.hoibot.chat.ConsoleIdentities;
import vn.hoibot.chat.Inbound;
import vn.hoibot.chat.InboundQueue;
import vn.hoibot.chat.Messages;
import vn.hoibot.chat.Sender;

/**
 * Reads the console (UTF-8, whole lines of any length) and hands each line to the chat core as the person the
 * console plays: a guest at first; {@code /as <phone or name>} a roster member (a choice list when the name fits
 * several), {@code /as admin} the admin, {@code /as khach} the guest again. A number presses the numbered button of
 * her chat; {@code 0} shares her phone when asked, {@code 0 0900000123} shares a typed phone (a guest linking).
 */
class ConsoleRunner implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    static final String GUEST = "guest";
    static final String ADMIN = "admin";
    private static final int CHOICES = 9;

    private final ConsoleChannel channel;
    private final InboundQueue queue;
    private final ObjectProvider<ConsoleIdentities> identities;
    private final Messages messages;
    private final BufferedReader in;
    private volatile Sender me;
    private volatile String myPhone;
    private volatile List<ConsoleIdentities.Identity> choices = List.of();
    private volatile boolean running;
    private final ConsoleLogFile log;
    private final String logFile;

    ConsoleRunner(ConsoleChannel channel, InboundQueue queue, ObjectProvider<ConsoleIdentities> identities,
            Messages messages, java.io.InputStream in, String logFile) {
        this.log = new ConsoleLogFile(logFile);
        this.logFile = logFile;
        this.channel = channel;
        this.queue = queue;
        this.identities = identities;
        this.messages = messages;
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        play(GUEST, text("console.guest"));
    }

    /** Starts reading once the application is ready (after the demo roster has loaded). */
    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        running = true;
        log.divert();
        Thread reader = new Thread(this::readLoop, "console");
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop() {
        channel.say(text("console.welcome", logFile));
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
        String chat = me.chatId();
        if (!choices.isEmpty() && line.matches("\\d{1,2}")) {
            int n = Integer.parseInt(line);
            List<ConsoleIdentities.Identity> list = choices;
            choices = List.of();
            if (n >= 1 && n <= list.size()) {
                become(list.get(n - 1), null);
                return;
            }
        }
        choices = List.of();
        if (line.equals("/as") || line.startsWith("/as ")) {
            switchTo(line.substring(3).strip());
        } else if (line.equals("0") && channel.contactOffered(chat) && myPhone != null) {
            queue.submit(new Inbound.ContactShared(me, myPhone, me.userId(), me.displayName(), null), null);
        } else if (line.matches("0\\s+\\+?[0-9][0-9 .-]{7,}")) {
            String phone = line.substring(1).strip();
            channel.say(text("console.contact.shared", phone));
            queue.submit(new Inbound.ContactShared(me, phone, me.userId(), me.displayName(), null), null);
        } else if (line.matches("\\d{1,2}") && channel.option(chat, Integer.parseInt(line)) != null) {
            ConsoleChannel.Option option = channel.option(chat, Integer.parseInt(line));
            channel.say(text("console.pressed", option.label()));
            queue.submit(new Inbound.ButtonPress(me, null, option.data(), option.messageId()), null);
        } else {
            queue.submit(new Inbound.Text(me, line), null);
        }
    }

    private void switchTo(String who) {
        String folded = vn.hoibot.text.Texts.fold(who);
        if (folded.equals(ADMIN) || folded.equals("quan tri")) {
            play(ADMIN, text("console.admin"));
            myPhone = null;
            channel.say(text("console.as.switched", me.displayName()));
            return;
        }
        if (folded.isEmpty() || folded.equals(GUEST) || folded.equals("khach")) {
            play(GUEST, text("console.guest"));
            myPhone = null;
            channel.say(text("console.as.switched", me.displayName()));
            return;
        }
        ConsoleIdentities directory = identities.getIfAvailable();
        List<ConsoleIdentities.Identity> found = directory == null ? List.of() : directory.candidates(who, CHOICES + 1);
        List<ConsoleIdentities.Identity> exact = found.stream()
                .filter(i -> vn.hoibot.text.Texts.fold(i.displayName()).equals(folded)).toList();
        if (found.isEmpty()) {
            channel.say(text("console.as.not_found", who));
        } else if (found.size() == 1 || exact.size() == 1) {
            become(found.size() == 1 ? found.get(0) : exact.get(0), who);
        } else {
            choices = found.stream().limit(CHOICES).toList();
            StringBuilder list = new StringBuilder(text("console.as.choose", who));
            for (int i = 0; i < choices.size(); i++) {
                ConsoleIdentities.Identity c = choices.get(i);
                list.append("\n        [").append(i + 1).append("] ").append(c.displayName())
                        .append(c.description().isBlank() ? "" : " · " + c.description());
            }
            if (found.size() > CHOICES) {
                list.append("\n        ").append(text("console.as.more"));
            }
            channel.say(list.toString());
        }
    }

    private void become(ConsoleIdentities.Identity identity, String typed) {
        ConsoleIdentities directory = identities.getIfAvailable();
        if (directory == null || directory.become(identity.userId()).isEmpty()) {
            channel.say(text("console.as.not_found", identity.displayName()));
            return;
        }
        play(identity.userId(), identity.displayName());
        myPhone = typed != null && typed.matches("[+0-9 .-]{8,}") ? typed : null;
        channel.say(text("console.as.switched", identity.displayName()
                + (identity.description().isBlank() ? "" : " · " + identity.description())));
    }

    /** Each identity has its own chat: its user id. */
    private void play(String userId, String displayName) {
        me = new Sender(ConsoleChannel.NAME, userId, userId, ChatType.PRIVATE, displayName, Messages.VIETNAMESE);
        channel.playing(userId, displayName);
    }

    private String text(String key, Object... args) {
        return messages.get(Messages.VIETNAMESE, key, args);
    }

    Sender me() {
        return me;
    }

    @Override
    public void destroy() {
        running = false;
        log.restore();
    }
}
