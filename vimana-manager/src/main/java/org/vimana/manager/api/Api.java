package org.vimana.manager.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.vimana.manager.balance.BalanceDaemon;
import org.vimana.manager.balance.NewVmAdvisor;
import org.vimana.manager.inventory.AgentService;
import org.vimana.manager.inventory.HostService;
import org.vimana.manager.inventory.SnapshotService;
import org.vimana.manager.inventory.TemplateService;
import org.vimana.manager.inventory.VmService;
import org.vimana.manager.migration.MigrationService;
import org.vimana.manager.node.LiveHosts;
import org.vimana.manager.store.EventStore;
import org.vimana.manager.store.TokenStore;
import org.vimana.manager.store.VmStore;

/** Assembles the API server from the inventory's services. */
public final class Api {
  private Api() {}

  public static ApiServer create(
      ObjectMapper json,
      TokenStore tokens,
      HostService hosts,
      VmService vms,
      TemplateService templates,
      VmStore vmStore,
      EventStore events,
      LiveHosts live,
      MigrationService migrations,
      SnapshotService snapshots,
      BalanceDaemon balance,
      NewVmAdvisor placement) {
    RequestBodies bodies = new RequestBodies(json);
    Views views = new Views(live, vmStore);
    return new ApiServer(
        json,
        tokens,
        new HostRoutes(hosts, views, bodies),
        new VmRoutes(vms, vmStore, hosts, views, bodies),
        new TemplateRoutes(templates, bodies),
        new EventRoutes(events, vms),
        new MigrationRoutes(migrations, hosts, bodies),
        new SnapshotRoutes(snapshots, bodies),
        new AgentRoutes(new AgentService(vms), vms, hosts, live, views, bodies, json),
        new BalanceRoutes(balance, bodies),
        new PlacementRoutes(placement));
  }
}
