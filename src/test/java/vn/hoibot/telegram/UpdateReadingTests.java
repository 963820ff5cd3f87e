package vn.hoibot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import vn.hoibot.chat.Inbound;
import vn.hoibot.chat.InboxReader;

/**
 * Property tests of the intake's reading, the same code the poller and the inbox workers run: a getUpdates
 * batch read leniently as raw JSON ({@link TelegramPolling#read}), then each stored update read into the
 * library's types and mapped ({@link TelegramInboxReader}). About 3,000 updates per run (150 batches of 10 to
 * 30), well-formed and mutated. The end-to-end half, through the router over HTTP, is {@link UpdateFuzzTests}.
 */
class UpdateReadingTests {

    /** An update as it sits in a batch, and whether it was left well-formed. */
    record Item(ObjectNode update, boolean wellFormed) {
    }

    @Provide
    Arbitrary<List<Item>> batches() {
        Arbitrary<Item> item = Arbitraries.longs().between(1, 9_000_000_000L).flatMap(user -> Arbitraries.oneOf(
                UpdateArbitraries.wellFormed(user).map(u -> new Item(u, true)),
                UpdateArbitraries.mutated(user, true).map(u -> new Item(u, false))));
        return item.list().ofMinSize(10).ofMaxSize(30);
    }

    @Property(tries = 150)
    void readsEveryBatchAndReadsOrSkipsEachUpdateOnPurpose(@ForAll("batches") List<Item> items) throws Exception {
        List<String> texts = new ArrayList<>();
        Set<String> wellFormedIds = new HashSet<>();
        long id = 100;
        for (Item item : items) {
            id++;
            if (item.wellFormed() || !item.update().has("update_id")) {
                item.update().put("update_id", id); // a mutation may still take it away or change its type
            }
            if (item.wellFormed()) {
                wellFormedIds.add(Long.toString(id));
            }
            texts.add(UpdateArbitraries.json(item.update()));
        }
        String answer = "{\"ok\":true,\"result\":[" + String.join(",", texts) + "]}";

        TelegramPolling.Batch batch = TelegramPolling.read(200, answer);

        Set<String> stored = new HashSet<>();
        for (var entry : batch.entries()) {
            stored.add(entry.updateKey());
            assertThat(entry.payload()).doesNotContain("\u0000");
            assertThat(entry.chatKey()).isNotBlank().hasSizeLessThanOrEqualTo(60);
            Optional<Inbound> inbound;
            try {
                inbound = new TelegramInboxReader().read(entry.payload());
            } catch (InboxReader.Unreadable e) {
                assertThat(wellFormedIds).as("a well-formed update was unreadable: %s", e.getMessage())
                        .doesNotContain(entry.updateKey());
                continue;
            }
            inbound.ifPresent(UpdateReadingTests::wellShaped);
        }
        assertThat(stored).containsAll(wellFormedIds); // a bad neighbour never costs a good update its place
        assertThat(batch.maxId()).isGreaterThanOrEqualTo(wellFormedIds.stream().mapToLong(Long::parseLong).max().orElse(-1));
    }

    @Property(tries = 200)
    void mapsEachWellFormedUpdateToWhatItIs(@ForAll("wellFormed") ObjectNode update) throws Exception {
        update.put("update_id", 1);
        String kind = update.fieldNames().next();
        Optional<Inbound> inbound = new TelegramInboxReader().read(UpdateArbitraries.json(update));
        if (List.of("edited_message", "channel_post", "my_chat_member", "poll").contains(kind)) {
            assertThat(inbound).isEmpty(); // ignored on purpose
            return;
        }
        assertThat(inbound).isPresent();
        wellShaped(inbound.get());
    }

    @Provide
    Arbitrary<ObjectNode> wellFormed() {
        return Arbitraries.longs().between(1, 9_000_000_000L).flatMap(UpdateArbitraries::wellFormed);
    }

    /** What the router relies on: a sender with ids, and the fields of each kind. */
    private static void wellShaped(Inbound inbound) {
        assertThat(inbound.sender()).isNotNull();
        assertThat(inbound.sender().userId()).isNotBlank();
        assertThat(inbound.sender().chatId()).isNotBlank();
        assertThat(inbound.sender().locale()).isNotNull();
        if (inbound instanceof Inbound.Text text) {
            assertThat(text.text()).isNotNull();
        } else if (inbound instanceof Inbound.FileReceived file) {
            assertThat(file.fileRef()).isNotBlank();
        } else if (inbound instanceof Inbound.ContactShared contact) {
            assertThat(contact.phone()).isNotBlank();
        } else if (inbound instanceof Inbound.Other other) {
            assertThat(other.kind()).isNotBlank();
        }
    }
}
