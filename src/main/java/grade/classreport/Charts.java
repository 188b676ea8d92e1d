package grade.classreport;

import grade.report.Scoring;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultIntervalXYDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Histograms of scores drawn by JFreeChart as inline SVG (JFreeSVG): text stays text, so the
 * page can be searched and read by a screen reader. Printed in grey they stay readable: one
 * mid-dark fill with black outlines, each bar labelled with its count, the mean dashed and the
 * median dotted.
 */
final class Charts {
    static final int WIDTH = 520;
    static final int HEIGHT = 260;

    private static final Color BAR = new Color(0x3e, 0x64, 0x9c);
    private static final Color GRID = new Color(0xd0, 0xd0, 0xd0);
    private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font LABELS = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    static {
        // The charts are drawn into SVG, never on a screen: no window system is needed or wanted.
        System.setProperty("java.awt.headless", "true");
        // Rotated labels (the vertical axis) as text too, not as outlines of the grader's own fonts:
        // the browser sets them in its fonts, Chinese included.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private Charts() {
    }

    /** A histogram of {@code d} as an {@code <svg>} element whose ids all start with {@code id}. */
    static String histogram(Distribution d, ReportWords words, String id) {
        DefaultIntervalXYDataset data = new DefaultIntervalXYDataset();
        int n = Distribution.BINS;
        double[][] series = new double[6][n];
        for (int i = 0; i < n; i++) {
            double lower = d.lower(i);
            double upper = d.lower(i + 1);
            series[0][i] = (lower + upper) / 2;
            series[1][i] = lower;
            series[2][i] = upper;
            series[3][i] = d.bins()[i];
            series[4][i] = 0;
            series[5][i] = d.bins()[i];
        }
        data.addSeries("scores", series);

        NumberAxis x = new NumberAxis(words.scoreAxis(Scoring.show(d.max())));
        x.setRange(0, Math.max(d.max(), 1));
        NumberAxis y = new NumberAxis(words.learnersAxis());
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setUpperMargin(0.35);
        for (NumberAxis axis : new NumberAxis[] {x, y}) {
            axis.setTickLabelFont(TICKS);
            axis.setLabelFont(LABELS);
            axis.setTickLabelPaint(Color.BLACK);
            axis.setLabelPaint(Color.BLACK);
        }

        XYBarRenderer bars = new XYBarRenderer(0.04);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, BAR);
        bars.setDrawBarOutline(true);
        bars.setSeriesOutlinePaint(0, Color.BLACK);
        bars.setDefaultItemLabelGenerator((dataset, s, item) -> {
            int count = (int) dataset.getYValue(s, item);
            return count == 0 ? null : String.valueOf(count);
        });
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultItemLabelFont(TICKS);
        bars.setDefaultItemLabelPaint(Color.BLACK);
        bars.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));

        XYPlot plot = new XYPlot(data, x, y, bars);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        if (d.count() > 0) {
            plot.addDomainMarker(marker(d.mean(), words.mean(), new float[] {6, 4}, 0, d.max()));
            plot.addDomainMarker(marker(d.median(), words.median(), new float[] {1.5f, 3}, 1, d.max()));
        }

        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(4, 4, 4, 8));
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        g.setDefsKeyPrefix(id + "-");
        g.setGeomDoubleConverter(Charts::number);
        g.setTransformDoubleConverter(Charts::number);
        chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        return g.getSVGElement(id, false, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
    }

    /**
     * A vertical line at {@code value}, labelled on the side with more room; each marker has a
     * row of its own, so the labels of the mean and the median never overlap.
     */
    private static ValueMarker marker(double value, String label, float[] dash, int row, double max) {
        ValueMarker m = new ValueMarker(value, Color.BLACK,
                new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
        m.setLabel(label + " " + Scoring.show(value));
        m.setLabelFont(TICKS);
        m.setLabelPaint(Color.BLACK);
        m.setLabelBackgroundColor(Color.WHITE);
        boolean left = value > max * 0.6;
        m.setLabelAnchor(left ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(left ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
        m.setLabelOffset(new RectangleInsets(4 + 17 * row, 4, 4, 4));
        return m;
    }

    /** Coordinates to a tenth of a pixel: the same drawing in a third of the bytes. */
    private static String number(double v) {
        long tenths = Math.round(v * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : Double.toString(tenths / 10.0);
    }
}
