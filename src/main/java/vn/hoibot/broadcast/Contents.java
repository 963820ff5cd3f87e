package vn.hoibot.broadcast;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.hoibot.broadcast.NewBroadcast.ButtonSpec;
import vn.hoibot.chat.Attachment;
import vn.hoibot.chat.Outbound;

/** Builds each recipient's message from the broadcast's stored variants (cached: they never change). */
@Component
class Contents {

    private record Loaded(boolean html, Attachment attachment, Map<String, String> texts,
            Map<String, List<List<ButtonSpec>>> buttons) {
    }

    private final BroadcastStore store;
    private final Map<Long, Loaded> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Loaded> eldest) {
            return size() > 64;
        }
    };

    Contents(BroadcastStore store) {
        this.store = store;
    }

    /** Whether the row's message has a {@code Đã đọc} button (never in groups: one press cannot speak for all). */
    boolean wantsAck(OutboxStore.Row row) {
        return !row.group() && ButtonSpecs.hasAck(load(row.broadcastId()).buttons().getOrDefault(row.variant(),
                List.of()));
    }

    /** The recipient's message; {@code ackKey} is the key of her {@code Đã đọc} button (null: no such button). */
    Outbound outboundFor(OutboxStore.Row row, String ackKey) {
        Loaded loaded = load(row.broadcastId());
        String text = row.personalText() != null ? row.personalText() : loaded.texts().get(row.variant());
        return new Outbound(row.chatId(), text, loaded.html(),
                ButtonSpecs.render(loaded.buttons().getOrDefault(row.variant(), List.of()), ackKey), null, false,
                loaded.attachment());
    }

    private Loaded load(long broadcastId) {
        synchronized (cache) {
            Loaded cached = cache.get(broadcastId);
            if (cached != null) {
                return cached;
            }
        }
        BroadcastStore.Header header = store.find(broadcastId)
                .orElseThrow(() -> new IllegalStateException("No broadcast " + broadcastId));
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, List<List<ButtonSpec>>> buttons = new LinkedHashMap<>();
        store.variants(broadcastId).forEach((name, v) -> {
            texts.put(name, v.text());
            buttons.put(name, ButtonSpecs.decode(v.buttons()));
        });
        Loaded loaded = new Loaded(header.html(), header.attachment(), texts, buttons);
        synchronized (cache) {
            cache.put(broadcastId, loaded);
        }
        return loaded;
    }
}
