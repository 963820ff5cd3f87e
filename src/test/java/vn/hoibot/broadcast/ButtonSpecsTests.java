package vn.hoibot.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.hoibot.broadcast.NewBroadcast.ButtonSpec;
import vn.hoibot.chat.Button;

class ButtonSpecsTests {

    @Test
    void keepsLabelsWithCommasTabsAndNewlinesThroughTheColumn() {
        List<List<ButtonSpec>> rows = List.of(
                List.of(ButtonSpec.acknowledge("Đã đọc, cảm ơn"), ButtonSpec.link("Xem\tthêm", "https://a.vn/?x=1,2")),
                List.of(new ButtonSpec(ButtonSpec.Type.ACTION, "Có\nmặt", "rsvp:yes")));

        assertThat(ButtonSpecs.decode(ButtonSpecs.encode(rows))).isEqualTo(rows);
        assertThat(ButtonSpecs.encode(List.of())).isNull();
        assertThat(ButtonSpecs.decode(null)).isEmpty();
    }

    @Test
    void givesTheReadButtonHerKeyOrLeavesItOut() {
        List<List<ButtonSpec>> rows = List.of(List.of(ButtonSpec.acknowledge("Đã đọc")),
                List.of(ButtonSpec.link("Xem thêm", "https://hoilhpn.org.vn")));

        assertThat(ButtonSpecs.render(rows, "k123")).containsExactly(List.of(Button.action("Đã đọc", "k123")),
                List.of(Button.link("Xem thêm", "https://hoilhpn.org.vn")));
        assertThat(ButtonSpecs.render(rows, null)).containsExactly(List.of(Button.link("Xem thêm", "https://hoilhpn.org.vn")));
    }
}
