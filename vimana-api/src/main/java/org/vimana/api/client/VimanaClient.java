package org.vimana.api.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vimana.api.json.ApiJson;
import org.vimana.api.model.AgentCommandRequest;
import org.vimana.api.model.AgentView;
import org.vimana.api.model.BalanceApplyRequest;
import org.vimana.api.model.BalancePlanView;
import org.vimana.api.model.BalanceSettingsRequest;
import org.vimana.api.model.BalanceStatus;
import org.vimana.api.model.CreateVmRequest;
import org.vimana.api.model.ErrorBody;
import org.vimana.api.model.EventView;
import org.vimana.api.model.HostView;
import org.vimana.api.model.MaintenanceRequest;
import org.vimana.api.model.MigrateRequest;
import org.vimana.api.model.MigrationView;
import org.vimana.api.model.PlacementAdvice;
import org.vimana.api.model.SnapshotRequest;
import org.vimana.api.model.SnapshotView;
import org.vimana.api.model.TagsRequest;
import org.vimana.api.model.VmFilter;
import org.vimana.api.model.VmView;
import org.vimana.core.template.Template;
import org.vimana.core.vm.VmAction;

/** Calls the manager's REST API with a bearer token. Thread-safe; reuse one per manager. */
public final class VimanaClient {
  public static final String API = "/api/v1";

  private final URI base;
  private final String token;
  private final HttpClient http;
  private final ObjectMapper json = ApiJson.mapper();
  private final Duration timeout;

  public VimanaClient(URI base, String token) {
    this(base, token, Duration.ofSeconds(30));
  }

  public VimanaClient(URI base, String token, Duration timeout) {
    String b = Objects.requireNonNull(base, "base").toString();
    this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
    this.token = Objects.requireNonNull(token, "token");
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  public URI base() {
    return base;
  }

  public List<HostView> hosts() throws ApiException {
    return get(API + "/hosts", new TypeReference<List<HostView>>() {});
  }

  public HostView host(String idOrName) throws ApiException {
    return get(API + "/hosts/" + enc(idOrName), new TypeReference<HostView>() {});
  }

  public HostView setMaintenance(String idOrName, boolean enabled) throws ApiException {
    return send(
        "POST",
        API + "/hosts/" + enc(idOrName) + "/maintenance",
        new MaintenanceRequest(enabled),
        HostView.class);
  }

  public List<VmView> vms(VmFilter filter) throws ApiException {
    List<String> q = new ArrayList<>();
    if (filter.tag() != null) {
      q.add("tag=" + enc(filter.tag()));
    }
    if (filter.host() != null) {
      q.add("host=" + enc(filter.host()));
    }
    if (filter.state() != null) {
      q.add("state=" + enc(filter.state()));
    }
    String query = q.isEmpty() ? "" : "?" + String.join("&", q);
    return get(API + "/vms" + query, new TypeReference<List<VmView>>() {});
  }

  public VmView vm(String idOrName) throws ApiException {
    return get(API + "/vms/" + enc(idOrName), new TypeReference<VmView>() {});
  }

  public VmView createVm(CreateVmRequest request) throws ApiException {
    return send("POST", API + "/vms", request, VmView.class);
  }

  /** Runs a lifecycle action (start, shutdown, reboot, force-stop, suspend, resume). */
  public VmView action(String idOrName, VmAction action) throws ApiException {
    return send(
        "POST", API + "/vms/" + enc(idOrName) + "/" + action.pathName(), null, VmView.class);
  }

  public void deleteVm(String idOrName) throws ApiException {
    deleteVm(idOrName, false);
  }

  /** Deletes a VM; {@code force} powers a running one off first. */
  public void deleteVm(String idOrName, boolean force) throws ApiException {
    send("DELETE", API + "/vms/" + enc(idOrName) + (force ? "?force=true" : ""), null, Void.class);
  }

  public VmView setTags(String idOrName, List<String> tags) throws ApiException {
    return send(
        "PUT", API + "/vms/" + enc(idOrName) + "/tags", new TagsRequest(tags), VmView.class);
  }

  /** Starts a live migration; answers at once with the migration in progress. */
  public MigrationView migrate(String idOrName, MigrateRequest request) throws ApiException {
    return send("POST", API + "/vms/" + enc(idOrName) + "/migrate", request, MigrationView.class);
  }

  public MigrationView migration(String id) throws ApiException {
    return get(API + "/migrations/" + enc(id), new TypeReference<MigrationView>() {});
  }

  /** Newest first; {@code vm} (name or id) may be null for all. */
  public List<MigrationView> migrations(String vm, int limit) throws ApiException {
    String q = "?limit=" + limit + (vm == null ? "" : "&vm=" + enc(vm));
    return get(API + "/migrations" + q, new TypeReference<List<MigrationView>>() {});
  }

  public MigrationView cancelMigration(String id) throws ApiException {
    return send("POST", API + "/migrations/" + enc(id) + "/cancel", null, MigrationView.class);
  }

  /** The VM's guest agent: readiness, time to ready, and the guest's own view. */
  public AgentView agent(String vm) throws ApiException {
    return get(API + "/vms/" + enc(vm) + "/agent", new TypeReference<AgentView>() {});
  }

  /**
   * Runs a guest agent command; answers the agent's reply (its "return" value). A refusal is an
   * {@link ApiException} whose {@link ApiException#error()} names the cause: agent_unreachable,
   * agent_timeout, blocked_by_guest_policy, unknown_command, bad_arguments, unavailable_on_qemu_ga,
   * agent_command_failed.
   */
  public JsonNode agentCommand(String vm, AgentCommandRequest request) throws ApiException {
    return read(
        send("POST", API + "/vms/" + enc(vm) + "/agent", request),
        new TypeReference<JsonNode>() {});
  }

  /** The last {@code bytes} bytes of the VM's serial console. */
  public String console(String vm, int bytes) throws ApiException {
    return getRaw(API + "/vms/" + enc(vm) + "/console?bytes=" + bytes);
  }

  public List<SnapshotView> snapshots(String vm) throws ApiException {
    return get(API + "/vms/" + enc(vm) + "/snapshots", new TypeReference<List<SnapshotView>>() {});
  }

  /** Takes a snapshot; answers with the VM's snapshots after it. */
  public List<SnapshotView> createSnapshot(String vm, SnapshotRequest request) throws ApiException {
    return sendList("POST", API + "/vms/" + enc(vm) + "/snapshots", request);
  }

  public List<SnapshotView> revertSnapshot(String vm, String snapshot) throws ApiException {
    return sendList(
        "POST", API + "/vms/" + enc(vm) + "/snapshots/" + enc(snapshot) + "/revert", null);
  }

  public List<SnapshotView> deleteSnapshot(String vm, String snapshot) throws ApiException {
    return sendList("DELETE", API + "/vms/" + enc(vm) + "/snapshots/" + enc(snapshot), null);
  }

  public List<Template> templates() throws ApiException {
    return get(API + "/templates", new TypeReference<List<Template>>() {});
  }

  public Template template(String name) throws ApiException {
    return get(API + "/templates/" + enc(name), new TypeReference<Template>() {});
  }

  public Template createTemplate(Template template) throws ApiException {
    return send("POST", API + "/templates", template, Template.class);
  }

  public void deleteTemplate(String name) throws ApiException {
    send("DELETE", API + "/templates/" + enc(name), null, Void.class);
  }

  /** Newest events first; {@code vm} (name or id) may be null for all. */
  public List<EventView> events(String vm, int limit) throws ApiException {
    String q = "?limit=" + limit + (vm == null ? "" : "&vm=" + enc(vm));
    return get(API + "/events" + q, new TypeReference<List<EventView>>() {});
  }

  /** The balancing daemon: mode, strategy, last run, pending plan. */
  public BalanceStatus balance() throws ApiException {
    return get(API + "/balance", new TypeReference<BalanceStatus>() {});
  }

  /** Changes the daemon's settings (null fields keep their value); answers the new status. */
  public BalanceStatus setBalance(BalanceSettingsRequest request) throws ApiException {
    return send("PUT", API + "/balance", request, BalanceStatus.class);
  }

  /**
   * Makes a plan now. In recommend mode it becomes the pending plan; in automatic mode it is
   * applied at once (status {@code applying}); while off it is only advice.
   */
  public BalancePlanView balancePlan() throws ApiException {
    return send("POST", API + "/balance/plan", null, BalancePlanView.class);
  }

  /** Approves a plan ({@code planId} null for the pending one); it is applied in the background. */
  public BalancePlanView applyBalancePlan(String planId) throws ApiException {
    return send(
        "POST", API + "/balance/apply", new BalanceApplyRequest(planId), BalancePlanView.class);
  }

  public BalancePlanView balancePlanById(String planId) throws ApiException {
    return get(API + "/balance/plans/" + enc(planId), new TypeReference<BalancePlanView>() {});
  }

  /** Balancing decisions, newest first. */
  public List<BalancePlanView> balanceHistory(int limit) throws ApiException {
    return get(
        API + "/balance/history?limit=" + limit, new TypeReference<List<BalancePlanView>>() {});
  }

  /** Where a new VM of this size would go, and why. */
  public PlacementAdvice placement(int vcpus, long memoryMib) throws ApiException {
    return get(
        API + "/placement?vcpus=" + vcpus + "&memoryMib=" + memoryMib,
        new TypeReference<PlacementAdvice>() {});
  }

  /** A raw GET returning the body, for endpoints without a typed method (OpenAPI, metrics). */
  public String getRaw(String path) throws ApiException {
    HttpResponse<String> r = exchange(request(path).GET().build());
    return r.body();
  }

  private <T> T get(String path, TypeReference<T> type) throws ApiException {
    HttpResponse<String> r = exchange(request(path).GET().build());
    return read(r.body(), type);
  }

  private <T> T send(String method, String path, Object body, Class<T> type) throws ApiException {
    if (type == Void.class) {
      String unused = send(method, path, body);
      return null;
    }
    String answer = send(method, path, body);
    if (answer.isEmpty()) {
      return null;
    }
    try {
      return json.readValue(answer, type);
    } catch (JsonProcessingException e) {
      throw badResponse(e);
    }
  }

  private List<SnapshotView> sendList(String method, String path, Object body) throws ApiException {
    return read(send(method, path, body), new TypeReference<List<SnapshotView>>() {});
  }

  /** Sends a request with an optional JSON body; returns the response body. */
  private String send(String method, String path, Object body) throws ApiException {
    HttpRequest.BodyPublisher publisher;
    try {
      publisher =
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode request: " + e.getOriginalMessage(), e);
    }
    HttpResponse<String> r =
        exchange(
            request(path)
                .header("Content-Type", "application/json")
                .method(method, publisher)
                .build());
    return r.body();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(timeout)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
  }

  private HttpResponse<String> exchange(HttpRequest req) throws ApiException {
    HttpResponse<String> r;
    try {
      r = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ApiException("cannot reach the manager at " + base + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException("interrupted while calling the manager at " + base, e);
    }
    if (r.statusCode() >= 400) {
      ErrorBody err = errorBody(r.body());
      throw new ApiException(r.statusCode(), err.error(), err.message());
    }
    return r;
  }

  private ErrorBody errorBody(String body) {
    try {
      ErrorBody e = json.readValue(body, ErrorBody.class);
      if (e.error() != null && e.message() != null) {
        return e;
      }
    } catch (JsonProcessingException ignored) {
      // Not one of ours (a proxy's page, say): show it as it is.
    }
    return new ErrorBody("http_error", body.isBlank() ? "(no message)" : body.strip());
  }

  private <T> T read(String body, TypeReference<T> type) throws ApiException {
    try {
      return json.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw badResponse(e);
    }
  }

  private static ApiException badResponse(JsonProcessingException e) {
    return new ApiException(0, "bad_response", "unexpected answer from the manager: " + e);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
