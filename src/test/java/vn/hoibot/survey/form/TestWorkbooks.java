package vn.hoibot.survey.form;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Workbooks for survey tests: XLSForm sheets written with POI, and a zip bomb made of one. */
public final class TestWorkbooks {

    private TestWorkbooks() {
    }

    /** Writes sheets (name → rows, first row the header) into an .xlsx, in the map's order. */
    public static byte[] workbook(Map<String, List<List<String>>> sheets) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            new LinkedHashMap<>(sheets).forEach((name, rows) -> {
                Sheet sheet = book.createSheet(name);
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < rows.get(r).size(); c++) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
            });
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small valid XLSForm workbook. */
    public static byte[] valid() {
        return workbook(Map.of(
                "survey", List.of(List.of("type", "name", "label::Tiếng Việt (vi)"), List.of("text", "a", "Câu A")),
                "settings", List.of(List.of("form_id", "form_title"), List.of("thu", "Phiếu thử"))));
    }

    /**
     * The workbook with {@code padding} bytes of blanks inside its first worksheet's XML: a file of a few hundred
     * kilobytes that unpacks to that many bytes.
     */
    public static byte[] zipBomb(byte[] xlsx, long padding) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            boolean padded = false;
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (!padded && entry.getName().startsWith("xl/worksheets/")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData");
                    zip.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
                    byte[] blanks = new byte[1 << 20];
                    Arrays.fill(blanks, (byte) ' ');
                    for (long left = padding; left > 0; left -= blanks.length) {
                        zip.write(blanks, 0, (int) Math.min(blanks.length, left));
                    }
                    zip.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
                    padded = true;
                } else {
                    zip.write(content);
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
