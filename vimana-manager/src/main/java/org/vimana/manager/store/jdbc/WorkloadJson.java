package org.vimana.manager.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.vimana.api.json.ApiJson;
import org.vimana.core.workload.Workload;
import org.vimana.manager.store.StoreException;

/** Workloads are stored as the API's JSON, kind included. */
final class WorkloadJson {
  private static final ObjectMapper JSON = ApiJson.mapper();

  private WorkloadJson() {}

  static String write(Workload w) {
    try {
      return JSON.writerFor(Workload.class).writeValueAsString(w);
    } catch (JsonProcessingException e) {
      throw new StoreException("cannot encode workload " + w, e);
    }
  }

  static Workload read(String s) {
    try {
      return JSON.readValue(s, Workload.class);
    } catch (JsonProcessingException e) {
      throw new StoreException("stored workload is unreadable: " + s, e);
    }
  }
}
