package org.vimana.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vimana.api.model.CreateVmRequest;
import org.vimana.core.template.Template;

class DemoInventoryTest {
  @Test
  void fortyVmsSpreadOverTheThreeTemplatesWithUniqueNames() {
    List<CreateVmRequest> plan = DemoInventory.plan(40);
    assertThat(plan).hasSize(40);
    assertThat(plan).extracting(CreateVmRequest::name).doesNotHaveDuplicates();
    Map<String, Long> perTemplate =
        plan.stream()
            .collect(Collectors.groupingBy(CreateVmRequest::template, Collectors.counting()));
    assertThat(perTemplate)
        .containsOnly(Map.entry("web", 20L), Map.entry("db", 8L), Map.entry("batch", 12L));
    assertThat(DemoInventory.TEMPLATES)
        .extracting(Template::name)
        .containsExactly("web", "db", "batch");
    assertThat(plan.get(0).name()).isEqualTo("web-01");
    assertThat(plan).allSatisfy(r -> assertThat(r.tags()).contains("demo", r.template()));
  }

  @Test
  void vmsOfOneTemplateDoNotAllBehaveTheSame() {
    List<CreateVmRequest> web =
        DemoInventory.plan(40).stream().filter(r -> r.template().equals("web")).toList();
    assertThat(web.stream().map(CreateVmRequest::workload).distinct().count())
        .isEqualTo(web.size());
  }

  @Test
  void theSamePlanEveryTimeSoARerunResumes() {
    assertThat(DemoInventory.plan(13)).isEqualTo(DemoInventory.plan(13));
    assertThat(DemoInventory.plan(40))
        .startsWith(DemoInventory.plan(13).toArray(new CreateVmRequest[0]));
  }
}
