package vn.hoibot.broadcast;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import vn.hoibot.broadcast.NewBroadcast.ButtonSpec;
import vn.hoibot.chat.Button;

/** Stores button rows in one column: rows by newline, buttons by tab, fields URL-encoded and comma-separated. */
final class ButtonSpecs {

    private ButtonSpecs() {
    }

    static String encode(List<List<ButtonSpec>> rows) {
        if (rows == null || rows.isEmpty()) {
            return null;
        }
        List<String> encodedRows = new ArrayList<>();
        for (List<ButtonSpec> row : rows) {
            List<String> buttons = new ArrayList<>();
            for (ButtonSpec b : row) {
                buttons.add(b.type().name() + "," + enc(b.label()) + "," + enc(b.value()));
            }
            encodedRows.add(String.join("\t", buttons));
        }
        return String.join("\n", encodedRows);
    }

    static List<List<ButtonSpec>> decode(String spec) {
        if (spec == null || spec.isEmpty()) {
            return List.of();
        }
        List<List<ButtonSpec>> rows = new ArrayList<>();
        for (String row : spec.split("\n")) {
            List<ButtonSpec> buttons = new ArrayList<>();
            for (String b : row.split("\t")) {
                String[] f = b.split(",", -1);
                buttons.add(new ButtonSpec(ButtonSpec.Type.valueOf(f[0]), dec(f[1]), f[2].isEmpty() ? null : dec(f[2])));
            }
            rows.add(buttons);
        }
        return rows;
    }

    /** Channel buttons already made (keys issued), stored as ACTION/LINK specs. */
    static String encodeButtons(List<List<Button>> rows) {
        return encode(rows.stream().map(row -> row.stream()
                .map(b -> b.url() != null ? ButtonSpec.link(b.label(), b.url())
                        : new ButtonSpec(ButtonSpec.Type.ACTION, b.label(), b.data()))
                .toList()).toList());
    }

    static List<List<Button>> decodeButtons(String spec) {
        return render(decode(spec), null);
    }

    static boolean hasAck(List<List<ButtonSpec>> rows) {
        return rows.stream().flatMap(List::stream).anyMatch(b -> b.type() == ButtonSpec.Type.ACK);
    }

    /** The channel's buttons for one recipient; the acknowledge button carries her key, or is left out. */
    static List<List<Button>> render(List<List<ButtonSpec>> rows, String ackKey) {
        return rows.stream().map(row -> row.stream()
                .filter(b -> b.type() != ButtonSpec.Type.ACK || ackKey != null)
                .map(b -> switch (b.type()) {
                    case ACK -> Button.action(b.label(), ackKey);
                    case LINK -> Button.link(b.label(), b.value());
                    case ACTION -> Button.action(b.label(), b.value());
                }).toList()).filter(row -> !row.isEmpty()).toList();
    }

    private static String enc(String s) {
        return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
