package org.vimana.driver.libvirt.xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vimana.core.vm.VmSpec;
import org.vimana.core.workload.Workload;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A {@link VmSpec} as the element libvirt keeps in a domain's {@code <metadata>}, in Vimana's own
 * namespace (libvirt requires one per application and keeps the element verbatim).
 */
public final class SpecMetadata {
  /** The XML namespace of Vimana's metadata element. */
  public static final String NAMESPACE = "https://vimana.org/xmlns/libvirt/vm/1";

  private static final String PREFIX = "vimana";

  private SpecMetadata() {}

  /** Builds the {@code <vimana:vm>} element for {@code spec} in {@code doc}. */
  public static Element toElement(Document doc, VmSpec spec) {
    Element vm = element(doc, "vm");
    vm.setAttribute("name", spec.name());
    vm.setAttribute("vcpus", Integer.toString(spec.vcpus()));
    vm.setAttribute("memoryMib", Long.toString(spec.memoryMib()));
    vm.setAttribute("diskGib", Long.toString(spec.diskGib()));
    vm.setAttribute("image", spec.image());
    Element w = element(doc, "workload");
    vm.appendChild(w);
    writeWorkload(w, spec.workload());
    for (Map.Entry<String, String> label : new java.util.TreeMap<>(spec.labels()).entrySet()) {
      Element l = element(doc, "label");
      l.setAttribute("key", label.getKey());
      l.setAttribute("value", label.getValue());
      vm.appendChild(l);
    }
    return vm;
  }

  /** Finds Vimana's element anywhere in a domain document and reads the spec back. */
  public static Optional<VmSpec> find(Document domain) {
    NodeList nodes = domain.getElementsByTagNameNS(NAMESPACE, "vm");
    return nodes.getLength() == 0
        ? Optional.empty()
        : Optional.of(fromElement((Element) nodes.item(0)));
  }

  /**
   * Reads a spec back.
   *
   * @throws IllegalArgumentException naming the attribute when the element is malformed
   */
  public static VmSpec fromElement(Element vm) {
    Workload workload = Workload.idle();
    Map<String, String> labels = new LinkedHashMap<>();
    NodeList kids = vm.getChildNodes();
    for (int i = 0; i < kids.getLength(); i++) {
      if (kids.item(i) instanceof Element e && NAMESPACE.equals(e.getNamespaceURI())) {
        if ("workload".equals(e.getLocalName())) {
          workload = readWorkload(e);
        } else if ("label".equals(e.getLocalName())) {
          labels.put(e.getAttribute("key"), e.getAttribute("value"));
        }
      }
    }
    return new VmSpec(
        vm.getAttribute("name"),
        (int) number(vm, "vcpus"),
        number(vm, "memoryMib"),
        number(vm, "diskGib"),
        vm.getAttribute("image"),
        workload,
        labels);
  }

  private static Element element(Document doc, String name) {
    return doc.createElementNS(NAMESPACE, PREFIX + ":" + name);
  }

  private static void writeWorkload(Element w, Workload workload) {
    w.setAttribute("kind", workload.kind());
    if (workload instanceof Workload.Constant c) {
      set(w, "cpu", c.cpu());
      set(w, "memory", c.memory());
    } else if (workload instanceof Workload.Diurnal d) {
      set(w, "base", d.base());
      set(w, "amplitude", d.amplitude());
      set(w, "periodSeconds", d.periodSeconds());
      set(w, "phaseSeconds", d.phaseSeconds());
      set(w, "memory", d.memory());
    } else if (workload instanceof Workload.Bursty b) {
      set(w, "base", b.base());
      set(w, "peak", b.peak());
      set(w, "burstProbability", b.burstProbability());
      set(w, "burstSeconds", b.burstSeconds());
      w.setAttribute("seed", Long.toString(b.seed()));
      set(w, "memory", b.memory());
    } else if (workload instanceof Workload.Trace t) {
      List<String> samples = new ArrayList<>();
      t.cpuSamples().forEach(s -> samples.add(Double.toString(s)));
      w.setAttribute("cpuSamples", String.join(",", samples));
      set(w, "intervalSeconds", t.intervalSeconds());
      set(w, "memory", t.memory());
    }
  }

  private static void set(Element e, String attribute, double value) {
    e.setAttribute(attribute, Double.toString(value));
  }

  private static Workload readWorkload(Element w) {
    String kind = w.getAttribute("kind");
    return switch (kind) {
      case "constant" -> new Workload.Constant(real(w, "cpu"), real(w, "memory"));
      case "diurnal" ->
          new Workload.Diurnal(
              real(w, "base"),
              real(w, "amplitude"),
              real(w, "periodSeconds"),
              real(w, "phaseSeconds"),
              real(w, "memory"));
      case "bursty" ->
          new Workload.Bursty(
              real(w, "base"),
              real(w, "peak"),
              real(w, "burstProbability"),
              real(w, "burstSeconds"),
              number(w, "seed"),
              real(w, "memory"));
      case "trace" -> {
        List<Double> samples = new ArrayList<>();
        for (String s : w.getAttribute("cpuSamples").split(",", -1)) {
          samples.add(parseReal("cpuSamples", s));
        }
        yield new Workload.Trace(samples, real(w, "intervalSeconds"), real(w, "memory"));
      }
      default -> throw new IllegalArgumentException("unknown workload kind '" + kind + "'");
    };
  }

  private static long number(Element e, String attribute) {
    String v = e.getAttribute(attribute);
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException ex) {
      throw new IllegalArgumentException(attribute + " is not an integer: '" + v + "'", ex);
    }
  }

  private static double real(Element e, String attribute) {
    return parseReal(attribute, e.getAttribute(attribute));
  }

  private static double parseReal(String attribute, String v) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException ex) {
      throw new IllegalArgumentException(attribute + " is not a number: '" + v + "'", ex);
    }
  }
}
