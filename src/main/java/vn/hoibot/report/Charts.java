package vn.hoibot.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.springframework.stereotype.Component;

import vn.hoibot.chat.Messages;
import vn.hoibot.indicator.CommuneResult;
import vn.hoibot.indicator.IndicatorReport;
import vn.hoibot.indicator.IndicatorValue;

/**
 * The charts of /bieudo and the digest, drawn by JFreeChart from the engine's report: values against targets,
 * the ranking of the commune units for one indicator (weakest first, a picture per {@code maxBars} units), and
 * the trend over the last periods of the same length. Shares in percent; nothing drawn when nothing has a value.
 */
@Component
class Charts {

    /** Indicators that are shares with a target, in the order of the plan. */
    static final List<String> TARGETED = List.of("I1", "I2", "I2D", "I3", "I4", "I4P", "I5", "I6", "I7", "R_RATE",
            "R_ONTIME");
    /** Indicators /bieudo draws: the targeted ones and the evidence shares. */
    static final List<String> CHARTABLE = List.of("I1", "I2", "I2D", "I3", "I4", "I4P", "I5", "I6", "I7", "R_RATE",
            "R_ONTIME", "E_MONTHLY", "E_ATTENDANCE", "E_C4", "E_C5", "E_C6");
    static final int HEADER = 300;
    static final int BAR_HEIGHT = 64;
    static final int TARGETS_HEIGHT = 1080;
    static final int TREND_HEIGHT = 900;

    private static final Color VALUE = new Color(0x1f, 0x77, 0xb4);
    private static final Color TARGET = new Color(0xd6, 0x27, 0x28);

    private final ChartFonts fonts;
    private final Messages messages;
    private final ReportProperties properties;

    Charts(ChartFonts fonts, Messages messages, ReportProperties properties) {
        this.fonts = fonts;
        this.messages = messages;
        this.properties = properties;
    }

    /** One bar per indicator with a value, the target of each as a line; empty when none has a value. */
    Optional<Picture> targets(IndicatorReport report, Locale locale) {
        DefaultCategoryDataset values = new DefaultCategoryDataset();
        DefaultCategoryDataset targets = new DefaultCategoryDataset();
        String valueSeries = messages.get(locale, "report.chart.series.value");
        String targetSeries = messages.get(locale, "report.chart.series.target");
        int bars = 0;
        for (String id : TARGETED) {
            Optional<IndicatorValue> v = report.indicator(id);
            if (v.isEmpty() || v.get().value() == null) {
                continue;
            }
            String label = messages.get(locale, "report.short." + id);
            values.addValue(percent(v.get().value()), valueSeries, label);
            targets.addValue(v.get().target() == null ? null : percent(v.get().target()), targetSeries, label);
            bars++;
        }
        if (bars == 0) {
            return Optional.empty();
        }
        JFreeChart chart = ChartFactory.createBarChart(
                messages.get(locale, "report.chart.targets.title", report.unit().name(), report.period().label()),
                null, messages.get(locale, "report.chart.axis.percent"), values, PlotOrientation.VERTICAL, true,
                false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setDataset(1, targets);
        LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, TARGET);
        line.setSeriesStroke(0, new BasicStroke(5f));
        plot.setRenderer(1, line);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        style(chart, 100);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        return Optional.of(render(chart, "chi-tieu-" + report.unit().code() + ".png", TARGETS_HEIGHT, bars,
                messages.get(locale, "report.chart.targets.caption", report.unit().name(), report.period().label())));
    }

    /**
     * The commune units ranked by one indicator, weakest first, at most {@code maxBars} a picture; units where it
     * does not apply are left out; empty when no unit has a value.
     */
    List<Picture> ranking(IndicatorReport report, String id, Locale locale) {
        List<CommuneResult> ordered = order(report.communes(), id);
        Double target = ordered.isEmpty() ? null : ordered.get(0).indicator(id).orElseThrow().target();
        int per = properties.maxBars();
        int pages = (ordered.size() + per - 1) / per;
        List<Picture> pictures = new ArrayList<>();
        String name = messages.get(locale, "report.short." + id);
        for (int page = 0; page < pages; page++) {
            List<CommuneResult> slice = ordered.subList(page * per, Math.min(ordered.size(), (page + 1) * per));
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            String series = messages.get(locale, "report.chart.series.value");
            for (CommuneResult c : slice) {
                data.addValue(percent(c.indicator(id).orElseThrow().value()), series, c.name());
            }
            String title = messages.get(locale, "report.chart.ranking.title", name, report.unit().name(),
                    report.period().label(), page + 1, pages);
            JFreeChart chart = ChartFactory.createBarChart(title, null,
                    messages.get(locale, "report.chart.axis.percent"), data, PlotOrientation.HORIZONTAL, false, false,
                    false);
            if (target != null) {
                ValueMarker marker = new ValueMarker(percent(target), TARGET, new BasicStroke(5f));
                marker.setLabel(messages.get(locale, "report.chart.series.target"));
                marker.setLabelFont(fonts.font(Font.BOLD, 26));
                marker.setLabelPaint(TARGET);
                chart.getCategoryPlot().addRangeMarker(marker);
            }
            style(chart, 100);
            pictures.add(render(chart, "xep-hang-" + id + "-" + (page + 1) + ".png",
                    HEADER + BAR_HEIGHT * slice.size(), slice.size(), title));
        }
        return pictures;
    }

    /** The commune units where the indicator has a value, weakest first (then by name). */
    static List<CommuneResult> order(List<CommuneResult> communes, String id) {
        return communes.stream().filter(c -> c.indicator(id).map(v -> v.value() != null).orElse(false))
                .sorted(Comparator.comparingDouble((CommuneResult c) -> c.indicator(id).orElseThrow().value())
                        .thenComparing(CommuneResult::name))
                .toList();
    }

    /** One indicator over consecutive periods, oldest first, periods without a value left out. */
    Optional<Picture> trend(List<IndicatorReport> reports, String id, Locale locale) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String series = messages.get(locale, "report.chart.series.value");
        Double target = null;
        boolean count = false;
        int points = 0;
        for (IndicatorReport r : reports) {
            Optional<IndicatorValue> v = r.indicator(id);
            if (v.isEmpty() || !v.get().applicable()) {
                continue;
            }
            count = v.get().isCount();
            data.addValue(count ? v.get().numerator() : percent(v.get().value()), series, r.period().label());
            target = v.get().target() != null ? v.get().target() : target;
            points++;
        }
        if (points == 0) {
            return Optional.empty();
        }
        IndicatorReport last = reports.get(reports.size() - 1);
        String name = messages.get(locale, "report.short." + id);
        String title = messages.get(locale, "report.chart.trend.title", name, last.unit().name());
        JFreeChart chart = ChartFactory.createBarChart(title, null,
                messages.get(locale, count ? "report.chart.axis.count" : "report.chart.axis.percent"), data,
                PlotOrientation.VERTICAL, false, false, false);
        if (target != null && !count) {
            chart.getCategoryPlot().addRangeMarker(new ValueMarker(percent(target), TARGET, new BasicStroke(5f)));
        }
        style(chart, count ? null : 100);
        return Optional.of(render(chart, "xu-huong-" + id + ".png", TREND_HEIGHT, points, title));
    }

    private void style(JFreeChart chart, Integer upper) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(fonts.font(Font.BOLD, 40));
        chart.getTitle().setMaximumLinesToDisplay(3);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(fonts.font(Font.PLAIN, 28));
        }
        for (Object t : chart.getSubtitles()) {
            if (t instanceof TextTitle text) {
                text.setFont(fonts.font(Font.PLAIN, 28));
            }
        }
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        CategoryAxis domain = plot.getDomainAxis();
        domain.setTickLabelFont(fonts.font(Font.PLAIN, 26));
        domain.setMaximumCategoryLabelLines(2);
        domain.setMaximumCategoryLabelWidthRatio(0.45f);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setTickLabelFont(fonts.font(Font.PLAIN, 26));
        range.setLabelFont(fonts.font(Font.PLAIN, 28));
        if (upper != null) {
            range.setRange(0, upper + 5);
        }
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, VALUE);
        bars.setMaximumBarWidth(0.12);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                java.text.NumberFormat.getNumberInstance(Locale.ROOT)));
        bars.setDefaultItemLabelFont(fonts.font(Font.BOLD, 26));
        bars.setDefaultItemLabelsVisible(true);
    }

    private Picture render(JFreeChart chart, String fileName, int height, int bars, String caption) {
        int width = properties.chartWidth();
        BufferedImage image = chart.createBufferedImage(width, height);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Picture(fileName, out.toByteArray(), width, height, bars, caption);
    }

    /** A share as a percentage rounded to one decimal. */
    static double percent(double share) {
        return Math.round(share * 1000) / 10.0;
    }
}
