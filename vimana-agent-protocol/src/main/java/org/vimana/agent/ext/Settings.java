package org.vimana.agent.ext;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vimana.agent.json.Expect;
import org.vimana.agent.json.JsonObject;
import org.vimana.agent.json.JsonValue;
import org.vimana.agent.qga.GuestTimezone;

/**
 * vimana-settings: system settings that explain guest behaviour.
 *
 * @param sysctl a fixed subset of /proc/sys (name in dotted form to value)
 * @param ntpSynchronized true/false when known, null when no time daemon says
 * @param ntpSource what decided it ("systemd-timesyncd", "chrony", or "unknown")
 */
public record Settings(
    String kernelRelease,
    String kernelVersion,
    Map<String, String> sysctl,
    List<String> nameservers,
    List<String> searchDomains,
    Boolean ntpSynchronized,
    String ntpSource,
    GuestTimezone timezone) {

  public Settings {
    sysctl = Collections.unmodifiableMap(new LinkedHashMap<>(sysctl));
    nameservers = List.copyOf(nameservers);
    searchDomains = List.copyOf(searchDomains);
  }

  public JsonObject toJson() {
    JsonObject.Builder s = JsonObject.builder();
    sysctl.forEach(s::put);
    return JsonObject.builder()
        .putOpt("kernel-release", kernelRelease)
        .putOpt("kernel-version", kernelVersion)
        .put("sysctl", s.build())
        .putStrings("nameservers", nameservers)
        .putStrings("search", searchDomains)
        .putOpt("ntp-synchronized", ntpSynchronized)
        .put("ntp-source", ntpSource)
        .put("timezone", timezone.toJson())
        .build();
  }

  public static Settings fromJson(JsonValue v) {
    JsonObject o = Expect.object(v, "return");
    Map<String, String> sysctl = new LinkedHashMap<>();
    JsonObject s = o.obj("sysctl");
    for (String key : s.members().keySet()) {
      sysctl.put(key, s.str(key));
    }
    return new Settings(
        o.optStr("kernel-release"),
        o.optStr("kernel-version"),
        sysctl,
        o.optStrings("nameservers") == null ? List.of() : o.optStrings("nameservers"),
        o.optStrings("search") == null ? List.of() : o.optStrings("search"),
        o.optBool("ntp-synchronized"),
        o.str("ntp-source"),
        GuestTimezone.fromJson(o.obj("timezone")));
  }
}
