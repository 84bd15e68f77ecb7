package org.vimana.sim.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class SimulationTest {

  @TempDir Path dir;

  private final Scenario demo = ScenarioFile.load(Path.of("scenarios/small-csv-demo.properties"));

  @Test
  void replaysACsvScenarioAndWritesCsvAndSvg() throws IOException {
    SimulationReport r = Simulation.runAndWrite(demo, dir);
    assertThat(r.vms()).isEqualTo(6);
    assertThat(r.steps()).isEqualTo(12);
    assertThat(r.energyKwh()).isBetween(0.3, 0.6); // 4 hosts of 94..135 W for 55 minutes
    assertThat(r.timeline()).hasSize(12);
    assertThat(Files.readString(dir.resolve("summary.csv")))
        .startsWith("scenario,strategy")
        .contains("csv demo,equalize:3");
    assertThat(Files.readAllLines(dir.resolve("timeline.csv"))).hasSize(13);
    assertThat(Files.readString(dir.resolve("chart.svg")))
        .startsWith("<svg")
        .contains("polyline")
        .endsWith("</svg>\n");
  }

  @Test
  void theChartPlotsLoadAndImbalanceOnePointPerStepHigherValuesHigherUp() throws Exception {
    SimulationReport r = Simulation.runAndWrite(demo, dir);
    Element svg = parseSvg(dir.resolve("chart.svg"));
    assertThat(svg.getTagName()).isEqualTo("svg");

    Map<String, String> colourOfLegend = legend(svg);
    assertThat(colourOfLegend)
        .containsKeys(LOAD_LEGEND, IMBALANCE_LEGEND, "hosts active (share)")
        .hasSize(4);
    assertThat(texts(svg)).contains("load", "imbalance"); // the two panels' axis titles
    Map<String, List<double[]>> lines = polylines(svg);
    assertThat(lines).as("one polyline per series, each in its own colour").hasSize(4);
    assertThat(lines.keySet()).containsExactlyInAnyOrderElementsOf(colourOfLegend.values());

    List<StepRecord> steps = r.timeline();
    assertThat(steps).hasSize(12);
    List<double[]> load = lines.get(colourOfLegend.get(LOAD_LEGEND));
    List<double[]> imbalance = lines.get(colourOfLegend.get(IMBALANCE_LEGEND));
    assertFollows(load, steps, StepRecord::meanLoad);
    assertFollows(imbalance, steps, StepRecord::imbalance);
    // the two series live in different panels: the imbalance panel is below the load panel
    double lowestLoadPoint = load.stream().mapToDouble(p -> p[1]).max().orElseThrow();
    double highestImbalancePoint = imbalance.stream().mapToDouble(p -> p[1]).min().orElseThrow();
    assertThat(highestImbalancePoint).isGreaterThan(lowestLoadPoint);
  }

  private static final String LOAD_LEGEND = "mean load (active hosts)";
  private static final String IMBALANCE_LEGEND = "imbalance (std dev of load)";

  /**
   * {@code points} has one point per step, left to right in time order, and each point's height
   * follows its step's value: SVG y grows downward, so the step with the highest value has the
   * smallest y, the lowest the largest, and a higher value is never drawn lower.
   */
  private static void assertFollows(
      List<double[]> points, List<StepRecord> steps, ToDoubleFunction<StepRecord> value) {
    assertThat(points).hasSameSizeAs(steps);
    for (int i = 1; i < points.size(); i++) {
      assertThat(points.get(i)[0]).as("x of point %d", i).isGreaterThan(points.get(i - 1)[0]);
    }
    int highest = 0;
    int lowest = 0;
    for (int i = 0; i < steps.size(); i++) {
      double v = value.applyAsDouble(steps.get(i));
      highest = v > value.applyAsDouble(steps.get(highest)) ? i : highest;
      lowest = v < value.applyAsDouble(steps.get(lowest)) ? i : lowest;
    }
    double[] ys = points.stream().mapToDouble(p -> p[1]).toArray();
    assertThat(value.applyAsDouble(steps.get(highest)))
        .as("the data must vary for this check to mean anything")
        .isGreaterThan(value.applyAsDouble(steps.get(lowest)));
    assertThat(ys[highest]).as("y of the highest value").isEqualTo(min(ys));
    assertThat(ys[lowest]).as("y of the lowest value").isEqualTo(max(ys));
    assertThat(ys[highest]).isLessThan(ys[lowest]);
    for (int i = 0; i < steps.size(); i++) {
      for (int j = 0; j < steps.size(); j++) {
        if (value.applyAsDouble(steps.get(i)) > value.applyAsDouble(steps.get(j))) {
          assertThat(ys[i]).as("y of step %d vs step %d", i, j).isLessThanOrEqualTo(ys[j]);
        }
      }
    }
  }

  private static double min(double[] values) {
    return java.util.Arrays.stream(values).min().orElseThrow();
  }

  private static double max(double[] values) {
    return java.util.Arrays.stream(values).max().orElseThrow();
  }

  private static Element parseSvg(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (var in = Files.newInputStream(file)) {
      return factory.newDocumentBuilder().parse(in).getDocumentElement();
    }
  }

  private static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  /** Legend entries: a thick colour swatch ({@code line}) followed by its label ({@code text}). */
  private static Map<String, String> legend(Element svg) {
    Map<String, String> out = new LinkedHashMap<>();
    List<Element> elements = children(svg);
    for (int i = 0; i + 1 < elements.size(); i++) {
      Element swatch = elements.get(i);
      Element label = elements.get(i + 1);
      if (swatch.getTagName().equals("line")
          && swatch.getAttribute("stroke-width").equals("3")
          && label.getTagName().equals("text")) {
        out.put(label.getTextContent(), swatch.getAttribute("stroke"));
      }
    }
    return out;
  }

  private static List<String> texts(Element svg) {
    return children(svg).stream()
        .filter(e -> e.getTagName().equals("text"))
        .map(Element::getTextContent)
        .toList();
  }

  /** Each polyline's points ({x, y}) by its stroke colour. */
  private static Map<String, List<double[]>> polylines(Element svg) {
    Map<String, List<double[]>> out = new LinkedHashMap<>();
    for (Element e : children(svg)) {
      if (!e.getTagName().equals("polyline")) {
        continue;
      }
      List<double[]> points = new ArrayList<>();
      for (String pair : e.getAttribute("points").trim().split("\\s+")) {
        String[] xy = pair.split(",");
        assertThat(xy).as("point '%s'", pair).hasSize(2);
        points.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
      }
      assertThat(out.put(e.getAttribute("stroke"), points))
          .as("a second polyline in %s", e.getAttribute("stroke"))
          .isNull();
    }
    return out;
  }

  @Test
  void theSameScenarioGivesTheSameFigures() {
    SimulationReport a = Simulation.run(demo.withStrategy("thr-rs:0.8"));
    SimulationReport b = Simulation.run(demo.withStrategy("thr-rs:0.8"));
    assertThat(a.energyKwh()).isEqualTo(b.energyKwh());
    assertThat(a.migrations()).isEqualTo(b.migrations());
  }

  @Test
  void consolidationUsesLessEnergyThanBalancingOnTheDemo() {
    SimulationReport consolidate = Simulation.run(demo.withStrategy("thr-mmt:0.8"));
    SimulationReport balance = Simulation.run(demo.withStrategy("equalize:3"));
    assertThat(consolidate.energyKwh()).isLessThan(balance.energyKwh());
    assertThat(balance.meanImbalance()).isLessThanOrEqualTo(consolidate.meanImbalance());
    assertThat(balance.thrashes()).isZero();
  }

  @Test
  void aTraceNamingAnUnknownVmTypeOrABadStrategyIsRefused() throws IOException {
    Path csv = dir.resolve("t.csv");
    Files.writeString(csv, "time_s,a:huge\n0,10\n300,20\n");
    var scenario =
        new Scenario(
            "x",
            "csv",
            csv,
            demo.traceOrder(),
            0,
            demo.hostTypes(),
            2,
            true,
            demo.vmTypes(),
            true,
            "equalize:3",
            demo.settings());
    assertThatThrownBy(() -> Simulation.run(scenario)).hasMessageContaining("'huge'");
    assertThatThrownBy(() -> Simulation.run(demo.withStrategy("nope")))
        .hasMessageContaining("unknown strategy 'nope'");
  }

  @Test
  void aDataCentreTooSmallForItsVmsIsRefused() {
    var tiny =
        new Scenario(
            "tiny",
            "csv",
            demo.tracePath(),
            demo.traceOrder(),
            0,
            demo.hostTypes(),
            1,
            true,
            demo.vmTypes(),
            true,
            "equalize:3",
            demo.settings());
    assertThatThrownBy(() -> Simulation.run(tiny)).hasMessageContaining("fits on no host");
  }
}
