package vn.hoibot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * A stand-in for the Telegram Bot API over real HTTP (WireMock). getUpdates serves the updates a test queued
 * (long-polling briefly when there are none); sendMessage and friends answer like Telegram and are recorded so
 * tests assert the exact requests. One server for the whole test run; each bot token has its own update queue,
 * so application contexts with different tokens do not take each other's updates.
 */
public final class FakeTelegram {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKEN = Pattern.compile("/bot([^/]+)/([A-Za-z]+)");
    private static FakeTelegram instance;

    private final WireMockServer server;
    private final Map<String, LinkedBlockingDeque<ObjectNode>> queues = new ConcurrentHashMap<>();
    private final AtomicLong updateIds = new AtomicLong(1000);
    private final AtomicInteger messageIds = new AtomicInteger(5000);
    private final Map<String, ObjectNode> refusals = new ConcurrentHashMap<>();
    private final java.util.Set<String> dropping = ConcurrentHashMap.newKeySet();
    private final Map<String, java.util.concurrent.ConcurrentLinkedQueue<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();
    private volatile Map<String, Fault> outages = Map.of();

    /**
     * What the stand-in does to a send instead of answering it plainly. RATE_LIMITED, SERVER_ERROR and HTML_502
     * answer without applying the send (Telegram sent nothing); SLOW applies it and answers only after
     * {@link #SLOW_MILLIS}; DROP applies it and closes the connection without an answer.
     */
    public enum Fault {
        RATE_LIMITED, SERVER_ERROR, HTML_502, SLOW, DROP
    }

    /** How long a SLOW answer takes: longer than the tests' request timeout. */
    public static final int SLOW_MILLIS = 2500;

    /** The next sends to this chat meet these faults, one each, in order; later sends are answered normally. */
    public void faults(long chatId, Fault... next) {
        faults.computeIfAbsent(String.valueOf(chatId), c -> new java.util.concurrent.ConcurrentLinkedQueue<>())
                .addAll(List.of(next));
    }

    private final java.util.Set<String> plainMembers = ConcurrentHashMap.newKeySet();

    /** From now on, getChatMember says this user is a plain member of this group (not an administrator). */
    public void notGroupAdmin(long chatId, long userId) {
        plainMembers.add(chatId + ":" + userId);
    }

    /** Until {@link #endOutage}, every call with this token (getUpdates too) meets the fault. */
    public void outage(String token, Fault fault) {
        Map<String, Fault> copy = new java.util.HashMap<>(outages);
        copy.put(token, fault);
        outages = Map.copyOf(copy);
    }

    public void endOutage(String token) {
        Map<String, Fault> copy = new java.util.HashMap<>(outages);
        copy.remove(token);
        outages = Map.copyOf(copy);
    }

    /** Sends with this token that the stand-in applied (delivered) to the chat, whatever the answer was. */
    public int delivered(String token, long chatId) {
        AtomicInteger n = applied.get(token + ":" + chatId);
        return n == null ? 0 : n.get();
    }

    private FakeTelegram() {
        server = new WireMockServer(options().dynamicPort().extensions(new Api()));
        server.start();
        server.stubFor(any(urlPathMatching("/bot.*")).willReturn(aResponse().withTransformers("telegram-api")));
    }

    public static synchronized FakeTelegram instance() {
        if (instance == null) {
            instance = new FakeTelegram();
        }
        return instance;
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public WireMockServer server() {
        return server;
    }

    // ---- updates a test sends to the bot ----

    /** Queues an update (its update_id is filled in) for the bot with this token. */
    public long deliver(String token, ObjectNode update) {
        long id = updateIds.incrementAndGet();
        update.put("update_id", id);
        queues.computeIfAbsent(token, t -> new LinkedBlockingDeque<>()).add(update);
        return id;
    }

    /** Queues the same update again (Telegram re-delivers after a restart). */
    public void redeliver(String token, ObjectNode update) {
        queues.computeIfAbsent(token, t -> new LinkedBlockingDeque<>()).add(update.deepCopy());
    }

    public static ObjectNode user(long userId, String firstName, String languageCode) {
        ObjectNode from = JSON.createObjectNode();
        from.put("id", userId).put("is_bot", false).put("first_name", firstName);
        if (languageCode != null) {
            from.put("language_code", languageCode);
        }
        return from;
    }

    public static ObjectNode privateChat(long userId) {
        return JSON.createObjectNode().put("id", userId).put("type", "private");
    }

    public static ObjectNode groupChat(long chatId) {
        return JSON.createObjectNode().put("id", chatId).put("type", "supergroup").put("title", "Chi hội");
    }

    public static ObjectNode message(ObjectNode from, ObjectNode chat) {
        ObjectNode message = JSON.createObjectNode();
        message.put("message_id", (int) (Math.random() * 100000)).put("date", 1767225600);
        message.set("from", from);
        message.set("chat", chat);
        return message;
    }

    public static ObjectNode update(String kind, ObjectNode payload) {
        ObjectNode update = JSON.createObjectNode();
        update.set(kind, payload);
        return update;
    }

    public static ObjectNode text(long userId, String text) {
        return update("message", message(user(userId, "Lan", "vi"), privateChat(userId)).put("text", text));
    }

    public static ObjectNode textIn(long userId, String languageCode, String text) {
        return update("message", message(user(userId, "Lan", languageCode), privateChat(userId)).put("text", text));
    }

    public static ObjectNode groupText(long chatId, long userId, String text) {
        return update("message", message(user(userId, "Lan", "vi"), groupChat(chatId)).put("text", text));
    }

    public static ObjectNode contact(long userId, String phone, Long contactUserId) {
        ObjectNode contact = JSON.createObjectNode().put("phone_number", phone).put("first_name", "Lan");
        if (contactUserId != null) {
            contact.put("user_id", contactUserId);
        }
        ObjectNode message = message(user(userId, "Lan", "vi"), privateChat(userId));
        message.set("contact", contact);
        return update("message", message);
    }

    public static ObjectNode button(long userId, String data, long messageId) {
        ObjectNode message = message(user(999, "HoiBot", null), privateChat(userId)).put("message_id", messageId)
                .put("text", "…");
        ObjectNode query = JSON.createObjectNode().put("id", "cb" + System.nanoTime()).put("data", data)
                .put("chat_instance", "1");
        query.set("from", user(userId, "Lan", "vi"));
        query.set("message", message);
        return update("callback_query", query);
    }

    public static ObjectNode with(ObjectNode update, String field, JsonNode value) {
        ((ObjectNode) update.get("message")).set(field, value);
        return update;
    }

    public static ObjectNode node() {
        return JSON.createObjectNode();
    }

    /** From now on, sends to this chat are refused like Telegram does (e.g. 403 "bot was blocked by the user"). */
    public void refuse(long chatId, int code, String description) {
        refusals.put(String.valueOf(chatId), JSON.createObjectNode().put("ok", false).put("error_code", code)
                .put("description", description));
    }

    /**
     * From now on, a send to this chat is applied (recorded, as if delivered) and then the connection is dropped
     * without an answer, as when the network fails on the way back.
     */
    public void dropAfterSend(long chatId) {
        dropping.add(String.valueOf(chatId));
    }

    /** Queues a raw update text as it is (no update_id filled in): for malformed updates. */
    public void deliverRaw(String token, ObjectNode update) {
        queues.computeIfAbsent(token, t -> new LinkedBlockingDeque<>()).add(update);
    }

    public long nextUpdateId() {
        return updateIds.incrementAndGet();
    }

    // ---- what the bot sent ----

    /** Bodies of the requests of one API method (lower-case, e.g. "sendmessage"), in order. */
    public List<JsonNode> requests(String token, String method) {
        List<JsonNode> bodies = new ArrayList<>();
        for (LoggedRequest request : server.findAll(postRequestedFor(urlPathMatching("(?i)/bot" + Pattern.quote(token) + "/" + method)))) {
            bodies.add(body(request));
        }
        return bodies;
    }

    /**
     * The files sent to a chat by one method ("sendphoto" with field "photo", "senddocument" with "document"), in
     * order: the bytes of the multipart part that the field attaches.
     */
    public List<byte[]> files(String token, long chatId, String method, String field) {
        List<byte[]> files = new ArrayList<>();
        for (LoggedRequest request : server.findAll(postRequestedFor(urlPathMatching("(?i)/bot" + Pattern.quote(token) + "/" + method)))) {
            if (!request.isMultipart() || request.getPart("chat_id") == null
                    || !String.valueOf(chatId).equals(request.getPart("chat_id").getBody().asString())) {
                continue;
            }
            String ref = request.getPart(field) == null ? "" : request.getPart(field).getBody().asString();
            var part = ref.startsWith("attach://") ? request.getPart(ref.substring(9)) : request.getPart(field);
            if (part != null) {
                files.add(part.getBody().asBytes());
            }
        }
        return files;
    }

    /** Messages sent to a chat (sendMessage, sendDocument, sendPhoto), in order. */
    public List<JsonNode> sentTo(String token, long chatId) {
        List<JsonNode> sent = new ArrayList<>();
        for (LoggedRequest request : server.findAll(postRequestedFor(urlPathMatching("(?i)/bot" + Pattern.quote(token) + "/send(message|document|photo)")))) {
            JsonNode body = body(request);
            if (String.valueOf(chatId).equals(body.path("chat_id").asText())) {
                sent.add(body);
            }
        }
        return sent;
    }

    /** Waits until a message to the chat matches, and returns it. */
    public JsonNode awaitSent(String token, long chatId, Predicate<JsonNode> match) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> {
            for (JsonNode body : sentTo(token, chatId)) {
                if (match.test(body)) {
                    found[0] = body;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** Waits for the n-th (1-based) message to a chat. */
    public JsonNode awaitMessage(String token, long chatId, int n) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> sentTo(token, chatId).size() >= n);
        return sentTo(token, chatId).get(n - 1);
    }

    public static boolean textContains(JsonNode body, String part) {
        String text = body.has("text") ? body.path("text").asText() : body.path("caption").asText();
        return text.contains(part);
    }

    /** The callback_data of the inline button whose label contains {@code label}. */
    public static String buttonData(JsonNode body, String label) {
        for (JsonNode row : body.path("reply_markup").path("inline_keyboard")) {
            for (JsonNode button : row) {
                if (button.path("text").asText().contains(label)) {
                    return button.path("callback_data").asText();
                }
            }
        }
        throw new AssertionError("No button '" + label + "' in " + body);
    }

    private static JsonNode body(LoggedRequest request) {
        try {
            String body = request.getBodyAsString();
            if (request.isMultipart()) {
                ObjectNode node = JSON.createObjectNode();
                request.getParts().forEach(p -> {
                    if (p.getHeaders().getContentTypeHeader() == null
                            || p.getHeaders().getContentTypeHeader().mimeTypePart() == null
                            || p.getHeaders().getContentTypeHeader().mimeTypePart().startsWith("text")) {
                        node.put(p.getName(), p.getBody().asString());
                    } else {
                        node.put(p.getName() + "_bytes", p.getBody().asBytes().length);
                    }
                });
                String document = node.path("document").asText(); // exports are checked by their content
                if (document.startsWith("attach://") && request.getPart(document.substring(9)) != null) {
                    node.put("document_text", new String(request.getPart(document.substring(9)).getBody().asBytes(),
                            StandardCharsets.UTF_8));
                }
                return node;
            }
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers API calls like Telegram would. */
    private final class Api implements ResponseDefinitionTransformerV2 {

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Matcher m = TOKEN.matcher(event.getRequest().getUrl());
            if (!m.find()) {
                return error(404, "Not Found");
            }
            String token = m.group(1);
            String method = m.group(2).toLowerCase();
            if (token.startsWith("401")) {
                return error(401, "Unauthorized");
            }
            Fault down = outages.get(token);
            if (down == Fault.HTML_502 || down == Fault.SERVER_ERROR) {
                return down == Fault.HTML_502 ? html502() : error(500, "Internal Server Error");
            }
            try {
                JsonNode body = event.getRequest().isMultipart() ? JSON.createObjectNode()
                        : JSON.readTree(event.getRequest().getBodyAsString().isEmpty() ? "{}" : event.getRequest().getBodyAsString());
                return switch (method) {
                    case "getme" -> ok(JSON.createObjectNode().put("id", 999).put("is_bot", true)
                            .put("first_name", "HoiBot").put("username", "hoibot_test_bot"));
                    case "getupdates" -> ok(updates(token, body.path("offset").asLong(0)));
                    case "sendmessage", "senddocument", "sendphoto" -> send(event, token, body);
                    case "editmessagetext" -> ok(sentMessage(event, body).put("message_id", body.path("message_id").asInt()));
                    case "getchatmember" -> ok(chatMember(body.path("chat_id").asText(), body.path("user_id").asLong()));
                    case "getfile" -> ok(JSON.createObjectNode().put("file_id", body.path("file_id").asText())
                            .put("file_unique_id", "u").put("file_path", "documents/" + body.path("file_id").asText()));
                    default -> ok(JSON.getNodeFactory().booleanNode(true));
                };
            } catch (Exception e) {
                return error(500, e.toString());
            }
        }

        private ResponseDefinition send(ServeEvent event, String token, JsonNode body) {
            String chat = event.getRequest().isMultipart() ? event.getRequest().getPart("chat_id").getBody().asString()
                    : body.path("chat_id").asText();
            var queue = faults.get(chat);
            Fault fault = queue == null ? null : queue.poll();
            if (fault == null) {
                fault = outages.get(token);
            }
            if (fault == Fault.RATE_LIMITED) {
                return refused(JSON.createObjectNode().put("ok", false).put("error_code", 429)
                        .put("description", "Too Many Requests: retry after 1")
                        .set("parameters", JSON.createObjectNode().put("retry_after", 1)));
            }
            if (fault == Fault.SERVER_ERROR) {
                return error(500, "Internal Server Error");
            }
            if (fault == Fault.HTML_502) {
                return html502();
            }
            if (refusals.containsKey(chat)) {
                return refused(refusals.get(chat));
            }
            applied.computeIfAbsent(token + ":" + chat, k -> new AtomicInteger()).incrementAndGet();
            if (fault == Fault.DROP || dropping.contains(chat)) {
                return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
                        .withFault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE).build();
            }
            ResponseDefinition answer = ok(sentMessage(event, body));
            if (fault == Fault.SLOW) {
                return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.like(answer)
                        .withFixedDelay(SLOW_MILLIS).build();
            }
            return answer;
        }

        /** Everyone administers her groups, unless {@link #notGroupAdmin} said otherwise. */
        private ObjectNode chatMember(String chatId, long userId) {
            ObjectNode member = JSON.createObjectNode();
            member.set("user", user(userId, "Lan", "vi"));
            if (plainMembers.contains(chatId + ":" + userId)) {
                return member.put("status", "member");
            }
            return member.put("status", "administrator").put("can_be_edited", false).put("is_anonymous", false)
                    .put("can_manage_chat", true).put("can_delete_messages", true).put("can_manage_video_chats", true)
                    .put("can_restrict_members", true).put("can_promote_members", false).put("can_change_info", true)
                    .put("can_invite_users", true).put("can_post_stories", false).put("can_edit_stories", false)
                    .put("can_delete_stories", false);
        }

        private ResponseDefinition html502() {
            return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder().withStatus(502)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway"
                            + "</h1></center><hr><center>nginx</center></body></html>").build();
        }

        /**
         * Like Telegram: every update not yet confirmed is served again, until a getUpdates whose offset is past
         * it confirms it. Two instances polling one token therefore see each update in order, whichever polls.
         */
        private ArrayNode updates(String token, long offset) throws InterruptedException {
            LinkedBlockingDeque<ObjectNode> queue = queues.computeIfAbsent(token, t -> new LinkedBlockingDeque<>());
            ArrayNode result = JSON.createArrayNode();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (true) {
                queue.removeIf(u -> u.path("update_id").asLong() < offset);
                for (ObjectNode pending : queue) {
                    result.add(pending);
                }
                if (!result.isEmpty() || System.nanoTime() > deadline) {
                    return result;
                }
                Thread.sleep(20);
            }
        }

        private ObjectNode sentMessage(ServeEvent event, JsonNode body) {
            String chatId = body.path("chat_id").asText();
            if (event.getRequest().isMultipart()) {
                chatId = event.getRequest().getPart("chat_id").getBody().asString();
            }
            ObjectNode message = JSON.createObjectNode().put("message_id", messageIds.incrementAndGet())
                    .put("date", 1767225600);
            message.set("chat", JSON.createObjectNode().put("id", Long.parseLong(chatId)).put("type", "private"));
            message.put("text", body.path("text").asText(""));
            return message;
        }

        private ResponseDefinition ok(JsonNode result) {
            ObjectNode response = JSON.createObjectNode().put("ok", true);
            response.set("result", result);
            return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(response.toString()).build();
        }

        private ResponseDefinition refused(ObjectNode answer) {
            return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
                    .withStatus(answer.path("error_code").asInt()).withHeader("Content-Type", "application/json")
                    .withBody(answer.toString()).build();
        }

        private ResponseDefinition error(int code, String description) {
            ObjectNode response = JSON.createObjectNode().put("ok", false).put("error_code", code)
                    .put("description", description);
            return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder().withStatus(code)
                    .withHeader("Content-Type", "application/json").withBody(response.toString()).build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return "telegram-api";
        }
    }
}
