package vn.hoibot.telegram;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import vn.hoibot.FakeTelegram;

/**
 * Generators of Telegram updates for property tests: well-formed ones of every kind the bot sees, and the same
 * mutated (fields removed, of the wrong type, huge or odd strings, unknown kinds), as a buggy client, a future
 * Bot API version or a hostile sender would produce.
 */
final class UpdateArbitraries {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private UpdateArbitraries() {
    }

    /** Texts a person may write: commands, Vietnamese, emoji, control characters, NUL, very long ones. */
    static Arbitrary<String> texts() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, Arbitraries.of("/huy", "/help", "/start", "/toi", "/thongke", "/start abc", "/huy@hoibot_test_bot",
                        "/x@other_bot", "xin chào", "Chào em", "Nguyễn Thị Mai", "/", "//", "/ huy", "😀👩‍👩‍👧")),
                net.jqwik.api.Tuple.of(5, Arbitraries.strings().ofMinLength(1).ofMaxLength(60)),
                net.jqwik.api.Tuple.of(5, Arbitraries.strings().withChars('\0', '\u202e', '\ud83d', 'ư', '/', '@', ' ', '\n').ofMinLength(1).ofMaxLength(40)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars('a', 'ạ', ' ').ofMinLength(4000).ofMaxLength(5000)));
    }

    /** A well-formed update from {@code user} (its own private chat, or a group), without update_id. */
    static Arbitrary<ObjectNode> wellFormed(long user) {
        ObjectNode privateChat = FakeTelegram.privateChat(user);
        return Arbitraries.oneOf(
                texts().map(t -> FakeTelegram.text(user, t)),
                texts().map(t -> FakeTelegram.groupText(-1_000_000_000_000L - user, user, t)),
                Arbitraries.of("+84912345678", "0912345678", "84 91 234 5678").map(p -> FakeTelegram.contact(user, p, user)),
                Arbitraries.of("x", "ds.xlsx", "don-vi.csv").map(name -> {
                    ObjectNode u = FakeTelegram.text(user, "x");
                    ((ObjectNode) u.get("message")).remove("text");
                    FakeTelegram.with(u, "document", F.objectNode().put("file_id", "d" + user).put("file_unique_id", "u")
                            .put("file_name", name).put("file_size", 1234));
                    return u;
                }),
                Arbitraries.of("sticker", "voice", "location", "photo").map(kind -> withKind(user, kind)),
                Arbitraries.strings().ofMaxLength(64).map(data -> FakeTelegram.button(user, data, 77)),
                Arbitraries.of("edited_message", "channel_post", "my_chat_member", "poll").map(kind -> {
                    ObjectNode message = FakeTelegram.message(FakeTelegram.user(user, "Lan", "vi"), privateChat.deepCopy())
                            .put("text", "/huy");
                    return FakeTelegram.update(kind, message);
                }));
    }

    private static ObjectNode withKind(long user, String kind) {
        ObjectNode u = FakeTelegram.text(user, "x");
        ObjectNode message = (ObjectNode) u.get("message");
        message.remove("text");
        switch (kind) {
            case "sticker" -> message.set("sticker", F.objectNode().put("file_id", "s").put("file_unique_id", "s")
                    .put("type", "regular").put("width", 5).put("height", 5).put("is_animated", false).put("is_video", false));
            case "voice" -> message.set("voice", F.objectNode().put("file_id", "v").put("file_unique_id", "v").put("duration", 3));
            case "location" -> message.set("location", F.objectNode().put("latitude", 20.1).put("longitude", 106.3));
            default -> message.putArray("photo").addObject().put("file_id", "p").put("file_unique_id", "p")
                    .put("width", 90).put("height", 90).put("file_size", 1000);
        }
        return u;
    }

    /** What a mutation puts in place of a value. */
    static Arbitrary<JsonNode> oddValues() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, Arbitraries.of(F.nullNode(), F.booleanNode(true), F.numberNode(0), F.numberNode(-1), F.numberNode(1.5),
                        F.numberNode(Long.MAX_VALUE), F.textNode(""), F.textNode("hôm qua"), F.textNode("\0"),
                        F.arrayNode(), F.objectNode(), F.arrayNode().add(F.nullNode()), F.objectNode().put("id", "x"))),
                net.jqwik.api.Tuple.of(5, Arbitraries.strings().ofMaxLength(30).map(F::textNode)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars('x', 'ệ').ofLength(20_000).map(F::textNode)),
                net.jqwik.api.Tuple.of(5, Arbitraries.integers().map(F::numberNode)));
    }

    /** One change somewhere in an update: {@code at} picks the node (modulo the number of nodes). */
    record Mutation(int at, Kind kind, JsonNode value, String name) {

        enum Kind { REMOVE, REPLACE, ADD_FIELD, WRAP_IN_ARRAY }
    }

    static Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 10_000), Arbitraries.of(Mutation.Kind.class),
                oddValues(), Arbitraries.of("id", "text", "chat", "from", "date", "photo", "document", "contact",
                        "callback_query", "message", "entities", "unknown_kind", "data", "type", "file_id"))
                .as(Mutation::new);
    }

    /** A well-formed update with one to four mutations applied. */
    static Arbitrary<ObjectNode> mutated(long user, boolean touchUpdateId) {
        return Combinators.combine(wellFormed(user), mutations().list().ofMinSize(1).ofMaxSize(4))
                .as((update, changes) -> {
                    ObjectNode copy = update.deepCopy();
                    for (Mutation change : changes) {
                        apply(copy, change, touchUpdateId);
                    }
                    return copy;
                });
    }

    /** Applies a mutation in place (the update's root stays an object). */
    static void apply(ObjectNode update, Mutation mutation, boolean touchUpdateId) {
        List<Slot> slots = new ArrayList<>();
        collect(update, update, slots, touchUpdateId);
        if (slots.isEmpty()) {
            return;
        }
        Slot slot = slots.get(mutation.at() % slots.size());
        JsonNode current = slot.get();
        switch (mutation.kind()) {
            case REMOVE -> slot.remove();
            case REPLACE -> slot.set(mutation.value().deepCopy());
            case ADD_FIELD -> {
                if (current instanceof ObjectNode object) {
                    object.set(mutation.name(), mutation.value().deepCopy());
                } else {
                    slot.set(mutation.value().deepCopy());
                }
            }
            case WRAP_IN_ARRAY -> slot.set(F.arrayNode().add(current.deepCopy()));
        }
    }

    /** A place in the tree that holds a value. */
    private record Slot(ContainerNode<?> parent, String field, int index) {

        JsonNode get() {
            return parent instanceof ObjectNode o ? o.get(field) : ((ArrayNode) parent).get(index);
        }

        void set(JsonNode value) {
            if (parent instanceof ObjectNode o) {
                o.set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (parent instanceof ObjectNode o) {
                o.remove(field);
            } else {
                ((ArrayNode) parent).set(index, F.nullNode());
            }
        }
    }

    private static void collect(JsonNode root, JsonNode node, List<Slot> slots, boolean touchUpdateId) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!touchUpdateId && object == root && name.equals("update_id")) {
                    continue;
                }
                slots.add(new Slot(object, name, -1));
                collect(root, object.get(name), slots, touchUpdateId);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(root, array.get(i), slots, touchUpdateId);
            }
        }
    }

    static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
