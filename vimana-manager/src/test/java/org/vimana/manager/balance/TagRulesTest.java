package org.vimana.manager.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vimana.balancer.snapshot.Constraints;

class TagRulesTest {
  @Test
  void pinAffinityAndAntiAffinityTagsInBothSpellings() {
    Map<String, List<String>> tags = new LinkedHashMap<>();
    tags.put("a", List.of("pin", "prod"));
    tags.put("b", List.of("affinity.web"));
    tags.put("c", List.of("affinity:web"));
    tags.put("d", List.of("anti-affinity.db"));
    tags.put("e", List.of("anti-affinity:db", "affinity.other"));
    tags.put("f", List.of("pinned", "affinity.", "affinityweb"));

    Constraints c = TagRules.constraints(tags, Set.of("f"), Set.of("h1"), 3);

    assertThat(c.pinnedVms()).containsExactlyInAnyOrder("a", "f");
    assertThat(c.affinityGroups()).containsExactly(Set.of("b", "c"));
    assertThat(c.antiAffinityGroups()).containsExactly(Set.of("d", "e"));
    assertThat(c.maintenanceHosts()).containsExactly("h1");
    assertThat(c.maxMigrationsPerHost()).isEqualTo(3);
  }

  @Test
  void aGroupWithOneMemberIsNoRule() {
    Constraints c =
        TagRules.constraints(
            Map.of("a", List.of("anti-affinity.x"), "b", List.of("affinity.y")),
            Set.of(),
            Set.of(),
            0);
    assertThat(c.affinityGroups()).isEmpty();
    assertThat(c.antiAffinityGroups()).isEmpty();
  }
}
