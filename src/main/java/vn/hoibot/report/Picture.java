package vn.hoibot.report;

/**
 * A chart rendered as PNG.
 *
 * @param bars the bars (or points of a trend) drawn, counted from the dataset rendered
 */
public record Picture(String fileName, byte[] png, int width, int height, int bars, String caption) {
}
