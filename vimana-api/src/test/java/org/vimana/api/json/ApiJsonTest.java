package org.vimana.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.junit.jupiter.api.Test;
import org.vimana.api.model.CreateVmRequest;
import org.vimana.core.template.Template;
import org.vimana.core.workload.Workload;

class ApiJsonTest {
  private final ObjectMapper json = ApiJson.mapper();

  @Test
  void workloadCarriesItsKind() throws Exception {
    String s = json.writeValueAsString(new Workload.Constant(0.25, 0.5));
    assertThat(s).contains("\"kind\":\"constant\"").contains("\"cpu\":0.25");
    assertThat(json.readValue(s, Workload.class)).isEqualTo(new Workload.Constant(0.25, 0.5));
  }

  @Test
  void templateRoundTripsWithNestedWorkload() throws Exception {
    Template t =
        new Template(
            "web", "nginx", 2, 2048, 20, "debian-12", new Workload.Diurnal(0.3, 0.2, 600, 0, 0.4));
    assertThat(json.readValue(json.writeValueAsString(t), Template.class)).isEqualTo(t);
  }

  @Test
  void unknownFieldIsRefusedByName() {
    assertThatThrownBy(() -> json.readValue("{\"name\":\"a\",\"vcpu\":2}", CreateVmRequest.class))
        .isInstanceOf(UnrecognizedPropertyException.class)
        .hasMessageContaining("\"vcpu\"");
  }

  @Test
  void invalidRecordValueSurfacesTheRecordMessage() {
    assertThatThrownBy(
            () ->
                json.readValue(
                    "{\"name\":\"t\",\"vcpus\":0,\"memoryMib\":1,\"diskGib\":1}", Template.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("vcpus must be positive");
  }
}
