package org.vimana.api.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.vimana.core.workload.Workload;

/**
 * Builds the ObjectMapper used on both sides of the API. Unknown fields are refused (a typo in a
 * request must not be silently ignored), timestamps are ISO-8601, and workloads carry their kind as
 * {@code "kind": "constant" | "diurnal" | "bursty" | "trace"}.
 */
public final class ApiJson {
  private ApiJson() {}

  public static ObjectMapper mapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addMixIn(Workload.class, WorkloadMixin.class)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .serializationInclusion(JsonInclude.Include.ALWAYS)
        .build();
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Workload.Constant.class, name = "constant"),
    @JsonSubTypes.Type(value = Workload.Diurnal.class, name = "diurnal"),
    @JsonSubTypes.Type(value = Workload.Bursty.class, name = "bursty"),
    @JsonSubTypes.Type(value = Workload.Trace.class, name = "trace")
  })
  private interface WorkloadMixin {}
}
