package org.vimana.manager;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vimana.api.json.ApiJson;
import org.vimana.balancer.plan.PlanChecker;
import org.vimana.manager.api.Api;
import org.vimana.manager.api.ApiServer;
import org.vimana.manager.api.Tokens;
import org.vimana.manager.balance.BalanceDaemon;
import org.vimana.manager.balance.BalanceSettings;
import org.vimana.manager.balance.DemandRecorder;
import org.vimana.manager.balance.NewVmAdvisor;
import org.vimana.manager.balance.PlanExecutor;
import org.vimana.manager.balance.Planner;
import org.vimana.manager.balance.ServiceMigrations;
import org.vimana.manager.balance.SnapshotBuilder;
import org.vimana.manager.inventory.AllocationLedger;
import org.vimana.manager.inventory.EventLog;
import org.vimana.manager.inventory.HostService;
import org.vimana.manager.inventory.MovingVms;
import org.vimana.manager.inventory.Reconciler;
import org.vimana.manager.inventory.SnapshotService;
import org.vimana.manager.inventory.TemplateService;
import org.vimana.manager.inventory.VmService;
import org.vimana.manager.migration.MigrationService;
import org.vimana.manager.node.LiveHosts;
import org.vimana.manager.node.LivenessMonitor;
import org.vimana.manager.node.NodeCommands;
import org.vimana.manager.node.NodeLinkService;
import org.vimana.manager.placement.Placement;
import org.vimana.manager.store.HostRecord;
import org.vimana.manager.store.TokenStore;
import org.vimana.manager.store.jdbc.Database;
import org.vimana.manager.store.jdbc.JdbcBalanceStore;
import org.vimana.manager.store.jdbc.JdbcEventStore;
import org.vimana.manager.store.jdbc.JdbcHostStore;
import org.vimana.manager.store.jdbc.JdbcMigrationStore;
import org.vimana.manager.store.jdbc.JdbcTemplateStore;
import org.vimana.manager.store.jdbc.JdbcTokenStore;
import org.vimana.manager.store.jdbc.JdbcVmStore;

/** A running manager: the inventory database, the node link (gRPC) and the REST API. */
public final class ManagerServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ManagerServer.class);
  private static final double VCPUS_PER_CORE = 4.0;
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

  /** Live migrations one host takes part in at once, as source or target (as vSphere's 2-8). */
  private static final int MIGRATIONS_PER_HOST = 2;

  /** Samples of CPU and memory kept per VM for the balancer (5 minutes at the default 5 s). */
  private static final int DEMAND_SAMPLES = 60;

  private final ManagerConfig config;
  private final HikariDataSource db;
  private final Server grpc;
  private final ApiServer api;
  private final ScheduledExecutorService timers;
  private final ExecutorService migrationRunner;
  private final BalanceDaemon balance;
  private final String adminToken;
  private final String joinToken;

  private ManagerServer(
      ManagerConfig config,
      HikariDataSource db,
      Server grpc,
      ApiServer api,
      ScheduledExecutorService timers,
      ExecutorService migrationRunner,
      BalanceDaemon balance,
      String adminToken,
      String joinToken) {
    this.migrationRunner = migrationRunner;
    this.balance = balance;
    this.config = config;
    this.db = db;
    this.grpc = grpc;
    this.api = api;
    this.timers = timers;
    this.adminToken = adminToken;
    this.joinToken = joinToken;
  }

  /** Opens (or creates) the inventory and starts serving nodes and the API. */
  public static ManagerServer start(ManagerConfig config) throws IOException {
    Files.createDirectories(config.dataDir());
    Clock clock = Clock.systemUTC();
    String admin = TokenFiles.readOrCreate(config.dataDir().resolve("admin.token"));
    String join = TokenFiles.readOrCreate(config.dataDir().resolve("join.token"));
    HikariDataSource db =
        Database.open(config.effectiveDbUrl(), config.dbUser(), config.dbPassword());
    try {
      TokenStore tokens = new JdbcTokenStore(db);
      if (!tokens.contains(Tokens.hash(admin))) {
        tokens.add(Tokens.hash(admin), "admin");
      }
      JdbcHostStore hosts = new JdbcHostStore(db);
      JdbcVmStore vms = new JdbcVmStore(db);
      JdbcTemplateStore templates = new JdbcTemplateStore(db);
      JdbcEventStore events = new JdbcEventStore(db);
      EventLog log = new EventLog(events, clock);
      LiveHosts live = new LiveHosts();
      AllocationLedger ledger = new AllocationLedger(vms);
      MovingVms moving = new MovingVms();
      Reconciler reconciler = new Reconciler(hosts, vms, log, clock, ledger, moving);
      LivenessMonitor liveness =
          new LivenessMonitor(live, reconciler, clock, config.heartbeatTimeout());
      for (HostRecord h : hosts.list()) {
        liveness.expect(h.id(), clock.instant());
      }
      NodeCommands commands = new NodeCommands(live, COMMAND_TIMEOUT);
      Placement placement = new Placement(VCPUS_PER_CORE);
      VmService vmService =
          new VmService(vms, hosts, templates, live, commands, placement, ledger, log, clock);
      ExecutorService migrationRunner = Executors.newCachedThreadPool(daemon("vimana-migration"));
      JdbcMigrationStore migrationStore = new JdbcMigrationStore(db);
      MigrationService migrations =
          new MigrationService(
              vms,
              hosts,
              migrationStore,
              live,
              placement,
              commands,
              ledger,
              moving,
              log,
              clock,
              migrationRunner,
              MIGRATIONS_PER_HOST);
      DemandRecorder demand = new DemandRecorder(clock, DEMAND_SAMPLES, Duration.ofMinutes(10));
      SnapshotBuilder snapshots =
          new SnapshotBuilder(hosts, vms, migrationStore, live, moving, demand, clock);
      BalanceDaemon balance = balanceDaemon(config, db, clock, demand, snapshots, live, migrations);
      Server grpc =
          NettyServerBuilder.forAddress(
                  new InetSocketAddress(config.bindAddress(), config.grpcPort()))
              .addService(
                  new NodeLinkService(
                      join,
                      live,
                      reconciler,
                      migrations,
                      clock,
                      config.heartbeatInterval(),
                      config.statsInterval()))
              .permitKeepAliveTime(10, TimeUnit.SECONDS)
              .build()
              .start();
      ObjectMapper json = ApiJson.mapper();
      ApiServer api =
          Api.create(
                  json,
                  tokens,
                  new HostService(hosts, log),
                  vmService,
                  new TemplateService(templates),
                  vms,
                  events,
                  live,
                  migrations,
                  new SnapshotService(vmService, log),
                  balance,
                  new NewVmAdvisor(snapshots))
              .start(config.bindAddress(), config.httpPort());
      ScheduledExecutorService timers =
          Executors.newSingleThreadScheduledExecutor(daemon("vimana-liveness"));
      long period = Math.max(100, config.heartbeatInterval().toMillis() / 2);
      ScheduledFuture<?> unused =
          timers.scheduleWithFixedDelay(liveness, period, period, TimeUnit.MILLISECONDS);
      ManagerServer server =
          new ManagerServer(config, db, grpc, api, timers, migrationRunner, balance, admin, join);
      balance.start();
      ManagerServer.log.info(
          "manager up: API {} node link {}:{} data {}",
          server.apiUrl(),
          config.bindAddress(),
          grpc.getPort(),
          config.dataDir());
      return server;
    } catch (IOException | RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /** The balancing daemon: plans with the strategies, applies through live migration. */
  private static BalanceDaemon balanceDaemon(
      ManagerConfig config,
      HikariDataSource db,
      Clock clock,
      DemandRecorder demand,
      SnapshotBuilder snapshots,
      LiveHosts live,
      MigrationService migrations) {
    JdbcBalanceStore store = new JdbcBalanceStore(db);
    PlanExecutor executor =
        new PlanExecutor(
            new ServiceMigrations(migrations),
            () -> snapshots.build(1, MIGRATIONS_PER_HOST),
            new PlanChecker(BalanceSettings.HOT_THRESHOLD),
            store,
            clock,
            Duration.ofMillis(200),
            Duration.ofMinutes(10));
    return new BalanceDaemon(
        store,
        new Planner(snapshots, clock),
        executor,
        demand,
        live,
        clock,
        config.statsInterval(),
        Executors.newSingleThreadScheduledExecutor(daemon("vimana-balance")),
        Executors.newSingleThreadExecutor(daemon("vimana-balance-apply")));
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  public URI apiUrl() {
    return URI.create("http://" + config.bindAddress() + ":" + api.port());
  }

  public int httpPort() {
    return api.port();
  }

  public int grpcPort() {
    return grpc.getPort();
  }

  public String adminToken() {
    return adminToken;
  }

  public Path adminTokenFile() {
    return config.dataDir().resolve("admin.token");
  }

  public String joinToken() {
    return joinToken;
  }

  public Path joinTokenFile() {
    return config.dataDir().resolve("join.token");
  }

  @Override
  public void close() {
    balance.close();
    timers.shutdownNow();
    migrationRunner.shutdownNow();
    api.close();
    grpc.shutdownNow();
    try {
      grpc.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    db.close();
  }
}
