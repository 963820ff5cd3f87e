package vn.hoibot.telegram;

import java.util.List;
import java.util.Optional;

import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import com.fasterxml.jackson.databind.JsonMappingException;

import vn.hoibot.chat.Inbound;
import vn.hoibot.chat.InboxReader;

/**
 * Reads one stored Telegram update with the library's own reading (the same as for a getUpdates answer), then
 * maps it. A field of the wrong type makes only this update unreadable; the description names the field's path,
 * never its content.
 */
class TelegramInboxReader implements InboxReader {

    private static final GetUpdates READER = GetUpdates.builder().build();

    @Override
    public String channel() {
        return TelegramChannel.NAME;
    }

    @Override
    public Optional<Inbound> read(String payload) throws Unreadable {
        return UpdateMapper.map(parse(payload));
    }

    static Update parse(String payload) throws Unreadable {
        List<Update> updates;
        try {
            updates = READER.deserializeResponse("{\"ok\":true,\"result\":[" + payload + "]}");
        } catch (TelegramApiRequestException | RuntimeException e) {
            throw new Unreadable(describe(e));
        }
        if (updates == null || updates.size() != 1 || updates.get(0) == null) {
            throw new Unreadable("not one update");
        }
        return updates.get(0);
    }

    private static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonMappingException mapping) {
                StringBuilder path = new StringBuilder();
                for (JsonMappingException.Reference ref : mapping.getPath()) {
                    if (ref.getFieldName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
                    } else if (ref.getIndex() >= 0) {
                        path.append('[').append(ref.getIndex()).append(']');
                    }
                }
                String where = path.toString().replaceFirst("^result\\[0\\]\\.?", "");
                return t.getClass().getSimpleName() + " at " + (where.isEmpty() ? "(root)" : where);
            }
        }
        return e.getClass().getSimpleName();
    }
}
