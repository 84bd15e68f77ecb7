package org.vimana.agent.ext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.vimana.agent.json.JsonException;
import org.vimana.agent.json.JsonObject;

/**
 * The parts of a status snapshot that a request may leave out; uptime, CPU, memory and load are
 * always there. A subscriber that reads a few parts asks for those only, and the agent then reads
 * nothing else: each part is /proc files the guest kernel formats at every push (the socket tables
 * alone were an eighth of a push's cost in a TCG guest).
 */
public enum StatusSection {
  DISKS,
  FILESYSTEMS,
  INTERFACES,
  PROCESSES,
  SOCKETS,
  SERVICES,
  HEALTH;

  /** Every section: what a request that names none gets. */
  public static final Set<StatusSection> ALL =
      Collections.unmodifiableSet(EnumSet.allOf(StatusSection.class));

  /** The name on the wire and in the snapshot's JSON: the lower-case constant name. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The section of a wire name; an unknown one is a {@link JsonException} listing the known. */
  public static StatusSection of(String wireName) {
    for (StatusSection s : values()) {
      if (s.wireName().equals(wireName)) {
        return s;
      }
    }
    throw new JsonException("unknown status section '" + wireName + "'; known: " + wireNames(ALL));
  }

  /** {@code "sections"} of a request object; all of them when the key is absent. */
  public static Set<StatusSection> fromJson(JsonObject o) {
    List<String> names = o.optStrings("sections");
    if (names == null) {
      return ALL;
    }
    EnumSet<StatusSection> out = EnumSet.noneOf(StatusSection.class);
    names.forEach(n -> out.add(of(n)));
    return Collections.unmodifiableSet(out);
  }

  /** Adds {@code "sections"} to a request unless it asks for all (what older agents know). */
  public static void toJson(Set<StatusSection> sections, JsonObject.Builder b) {
    if (!sections.containsAll(ALL)) {
      b.putStrings("sections", wireNames(sections));
    }
  }

  /** An unmodifiable copy (an EnumSet underneath). */
  public static Set<StatusSection> copy(Set<StatusSection> sections) {
    return sections.isEmpty()
        ? Collections.unmodifiableSet(EnumSet.noneOf(StatusSection.class))
        : Collections.unmodifiableSet(EnumSet.copyOf(sections));
  }

  static List<String> wireNames(Set<StatusSection> sections) {
    List<String> out = new ArrayList<>();
    for (StatusSection s : values()) {
      if (sections.contains(s)) {
        out.add(s.wireName());
      }
    }
    return out;
  }
}
