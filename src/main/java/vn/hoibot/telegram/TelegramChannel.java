package vn.hoibot.telegram;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardRemove;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import vn.hoibot.chat.Attachment;
import vn.hoibot.chat.Button;
import vn.hoibot.chat.Channel;
import vn.hoibot.chat.ChannelException;
import vn.hoibot.chat.Outbound;
import vn.hoibot.chat.SentMessage;

/** The Telegram side of the chat core's {@link Channel} port. */
public class TelegramChannel implements Channel {

    public static final String NAME = "telegram";

    private static final Logger log = LoggerFactory.getLogger(TelegramChannel.class);

    private final TelegramClient client;
    private final OkHttpClient http;
    private final TelegramProperties properties;
    private volatile String username;

    TelegramChannel(TelegramClient client, OkHttpClient http, TelegramProperties properties) {
        this.client = client;
        this.http = http;
        this.properties = properties;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String botUsername() {
        return username;
    }

    void setUsername(String username) {
        this.username = username;
    }

    @Override
    public SentMessage send(Outbound message) throws ChannelException {
        try {
            Message sent;
            Attachment file = message.attachment();
            if (file == null) {
                sent = client.execute(SendMessage.builder().chatId(message.chatId()).text(message.text())
                        .parseMode(message.html() ? "HTML" : null).replyMarkup(markup(message)).build());
            } else if (file.kind() == Attachment.Kind.PHOTO) {
                sent = client.execute(SendPhoto.builder().chatId(message.chatId()).photo(input(file))
                        .caption(message.text()).parseMode(message.html() ? "HTML" : null)
                        .replyMarkup(markup(message)).build());
            } else {
                sent = client.execute(SendDocument.builder().chatId(message.chatId()).document(input(file))
                        .caption(message.text()).parseMode(message.html() ? "HTML" : null)
                        .replyMarkup(markup(message)).build());
            }
            return new SentMessage(String.valueOf(sent.getChatId()), String.valueOf(sent.getMessageId()));
        } catch (TelegramApiException e) {
            throw classify(e);
        }
    }

    @Override
    public void edit(String chatId, String messageId, Outbound message) throws ChannelException {
        try {
            client.execute(EditMessageText.builder().chatId(chatId).messageId(Integer.valueOf(messageId))
                    .text(message.text()).parseMode(message.html() ? "HTML" : null)
                    .replyMarkup(message.buttons().isEmpty() ? null : inline(message.buttons())).build());
        } catch (TelegramApiException e) {
            throw classify(e);
        }
    }

    /** getChatMember: the owner ("creator") and administrators are; members, restricted, left, banned are not. */
    @Override
    public boolean isGroupAdmin(String chatId, String userId) throws ChannelException {
        try {
            String status = client.execute(GetChatMember.builder().chatId(chatId).userId(Long.valueOf(userId)).build())
                    .getStatus();
            return "creator".equals(status) || "administrator".equals(status);
        } catch (TelegramApiException e) {
            throw classify(e);
        }
    }

    @Override
    public void answerButton(String callbackId, String toast) {
        try {
            client.execute(AnswerCallbackQuery.builder().callbackQueryId(callbackId).text(toast).build());
        } catch (TelegramApiException e) {
            log.debug("answerCallbackQuery failed: {}", classify(e).kind());
        }
    }

    @Override
    public byte[] download(String fileRef) throws ChannelException {
        try {
            String path = client.execute(GetFile.builder().fileId(fileRef).build()).getFilePath();
            Request request = new Request.Builder().url(properties.fileUrl(path)).get().build();
            try (Response response = http.newCall(request).execute()) {
                if (!response.isSuccessful() || response.body() == null) {
                    throw new ChannelException(ChannelException.Kind.TRANSIENT, "file download HTTP " + response.code());
                }
                return response.body().bytes();
            }
        } catch (TelegramApiException e) {
            throw classify(e);
        } catch (IOException e) {
            throw new ChannelException(ChannelException.Kind.TRANSIENT, "file download failed", null, e);
        }
    }

    @Override
    public void publishCommands(List<CommandInfo> commands, String languageCode) {
        try {
            client.execute(SetMyCommands.builder()
                    .commands(commands.stream().map(c -> new BotCommand(c.command(), c.description())).toList())
                    .languageCode(languageCode).build());
        } catch (TelegramApiException e) {
            log.warn("setMyCommands ({}) failed: {}", languageCode == null ? "default" : languageCode,
                    classify(e).kind());
        }
    }

    @Override
    public void publishChatCommands(List<CommandInfo> commands, String chatId) {
        try {
            client.execute(SetMyCommands.builder()
                    .commands(commands.stream().map(c -> new BotCommand(c.command(), c.description())).toList())
                    .scope(new BotCommandScopeChat(chatId)).build());
        } catch (TelegramApiException e) {
            log.warn("setMyCommands for a chat failed: {}", classify(e).kind());
        }
    }

    private static InputFile input(Attachment file) {
        return file.fileRef() != null ? new InputFile(file.fileRef())
                : new InputFile(new ByteArrayInputStream(file.content()), file.fileName());
    }

    private static ReplyKeyboard markup(Outbound message) {
        if (!message.buttons().isEmpty()) {
            return inline(message.buttons());
        }
        if (message.askForContact() != null) {
            return ReplyKeyboardMarkup.builder()
                    .keyboardRow(new KeyboardRow(List.of(
                            KeyboardButton.builder().text(message.askForContact()).requestContact(true).build())))
                    .oneTimeKeyboard(true).resizeKeyboard(true).build();
        }
        if (message.removeKeyboard()) {
            return ReplyKeyboardRemove.builder().removeKeyboard(true).build();
        }
        return null;
    }

    private static InlineKeyboardMarkup inline(List<List<Button>> rows) {
        return InlineKeyboardMarkup.builder().keyboard(rows.stream()
                .map(row -> new InlineKeyboardRow(row.stream().map(TelegramChannel::inlineButton).toList()))
                .toList()).build();
    }

    private static InlineKeyboardButton inlineButton(Button button) {
        InlineKeyboardButton.InlineKeyboardButtonBuilder<?, ?> b = InlineKeyboardButton.builder().text(button.label());
        return button.url() != null ? b.url(button.url()).build() : b.callbackData(button.data()).build();
    }

    /** Maps the library's errors to the chat core's kinds (the library itself never retries). */
    static ChannelException classify(TelegramApiException e) {
        if (e instanceof TelegramApiRequestException request && request.getErrorCode() != null) {
            int code = request.getErrorCode();
            String api = String.valueOf(request.getApiResponse()).toLowerCase();
            if (code == 429) {
                Integer after = request.getParameters() == null ? null : request.getParameters().getRetryAfter();
                return new ChannelException(ChannelException.Kind.RATE_LIMITED, "429",
                        Duration.ofSeconds(after == null ? 1 : after), e);
            }
            if (code == 403) {
                return new ChannelException(ChannelException.Kind.BLOCKED, "403", null, e);
            }
            if (code == 400 && (api.contains("chat not found") || api.contains("user not found"))) {
                return new ChannelException(ChannelException.Kind.CHAT_NOT_FOUND, "400 chat not found", null, e);
            }
            if (code >= 400 && code < 500) {
                return new ChannelException(ChannelException.Kind.PERMANENT, String.valueOf(code), null, e);
            }
        }
        if (mayHaveArrived(e)) {
            return new ChannelException(ChannelException.Kind.UNCONFIRMED, "no answer", null, e);
        }
        return new ChannelException(ChannelException.Kind.TRANSIENT, "transient", null, e);
    }

    /**
     * An I/O failure other than failing to connect: the request may have been written and applied before the
     * connection dropped or the answer timed out. (A 5xx answer is an answer: Telegram did not send.)
     */
    static boolean mayHaveArrived(Throwable e) {
        boolean io = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.NoRouteToHostException
                    || t instanceof java.net.SocketTimeoutException && String.valueOf(t.getMessage()).contains("connect")) {
                return false;
            }
            if (t instanceof java.io.IOException) {
                io = true;
            }
        }
        return io;
    }
}
