package org.vimana.sim.replay.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.vimana.sim.replay.SimulationReport;
import org.vimana.sim.replay.StepRecord;

/**
 * A two-panel SVG chart over time: above, the active hosts' mean load and the share of hosts
 * active; below, the imbalance (standard deviation of load) and the share of active hosts
 * overloaded. Plain SVG 1.1, no script, readable in any browser.
 */
public final class SvgChart {

  private static final int WIDTH = 900;
  private static final int PANEL = 200;
  private static final int LEFT = 60;
  private static final int TOP = 40;
  private static final int GAP = 50;

  private SvgChart() {}

  public static void write(SimulationReport r, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, render(r), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the chart " + file, e);
    }
  }

  public static String render(SimulationReport r) {
    List<StepRecord> steps = r.timeline();
    int height = TOP + 2 * PANEL + GAP + 40;
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n",
            WIDTH,
            height));
    b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    b.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"20\" font-size=\"14\">%s</text>%n",
            LEFT,
            escape(r.scenario() + " - " + r.strategy())));
    double maxTime = steps.isEmpty() ? 1 : Math.max(1, steps.get(steps.size() - 1).timeSeconds());
    double hosts = Math.max(1, r.hosts());
    panel(b, TOP, "load", maxTime, 1.0);
    line(
        b,
        steps,
        TOP,
        maxTime,
        1.0,
        StepRecord::meanLoad,
        "#1f77b4",
        "mean load (active hosts)",
        0);
    line(
        b,
        steps,
        TOP,
        maxTime,
        1.0,
        s -> s.activeHosts() / hosts,
        "#2ca02c",
        "hosts active (share)",
        1);
    int second = TOP + PANEL + GAP;
    double maxImbalance =
        Math.max(0.05, steps.stream().mapToDouble(StepRecord::imbalance).max().orElse(0.05) * 1.1);
    panel(b, second, "imbalance", maxTime, maxImbalance);
    line(
        b,
        steps,
        second,
        maxTime,
        maxImbalance,
        StepRecord::imbalance,
        "#d62728",
        "imbalance (std dev of load)",
        0);
    line(
        b,
        steps,
        second,
        maxTime,
        maxImbalance,
        s -> s.activeHosts() == 0 ? 0 : maxImbalance * s.overloadedHosts() / s.activeHosts(),
        "#ff7f0e",
        "overloaded hosts (share of active, scaled to axis)",
        1);
    b.append("</svg>\n");
    return b.toString();
  }

  private static void panel(StringBuilder b, int top, String label, double maxTime, double maxY) {
    int right = WIDTH - 20;
    b.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n",
            LEFT,
            top,
            right - LEFT,
            PANEL));
    for (int i = 0; i <= 4; i++) {
      double y = top + PANEL - i * PANEL / 4.0;
      b.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
                  + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.2f</text>%n",
              LEFT,
              y,
              right,
              y,
              LEFT - 5,
              y + 4,
              maxY * i / 4));
    }
    for (int i = 0; i <= 6; i++) {
      double x = LEFT + (right - LEFT) * i / 6.0;
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.1f h</text>%n",
              x,
              top + PANEL + 15,
              maxTime * i / 6 / 3600));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "<text x=\"15\" y=\"%d\" transform=\"rotate(-90 15 %d)\">%s</text>%n",
            top + PANEL / 2,
            top + PANEL / 2,
            label));
  }

  private static void line(
      StringBuilder b,
      List<StepRecord> steps,
      int top,
      double maxTime,
      double maxY,
      ToDoubleFunction<StepRecord> value,
      String colour,
      String label,
      int slot) {
    int right = WIDTH - 20;
    StringBuilder points = new StringBuilder();
    for (StepRecord s : steps) {
      double x = LEFT + (right - LEFT) * s.timeSeconds() / maxTime;
      double y = top + PANEL - PANEL * Math.min(1, value.applyAsDouble(s) / maxY);
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"/>%n",
            colour,
            points.toString().trim()));
    int lx = LEFT + 10 + slot * 330;
    b.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>"
                + "<text x=\"%d\" y=\"%d\">%s</text>%n",
            lx,
            top - 8,
            lx + 20,
            top - 8,
            colour,
            lx + 25,
            top - 4,
            escape(label)));
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
