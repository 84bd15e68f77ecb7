package org.vimana.guest.proc;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import org.vimana.agent.qga.GuestNetworkInterface;

/**
 * guest-network-get-interfaces: names and counters from /proc/net/dev, MAC from
 * /sys/class/net/NAME/address, addresses from java.net (netlink underneath). The address lookup is
 * a seam so fixture trees can run without real interfaces.
 */
public final class Interfaces {
  /** Addresses of an interface by name. */
  public interface AddressLookup {
    List<GuestNetworkInterface.IpAddress> addresses(String name);
  }

  /** The running system's addresses. */
  public static final AddressLookup JAVA_NET =
      name -> {
        List<GuestNetworkInterface.IpAddress> out = new ArrayList<>();
        try {
          NetworkInterface nif = NetworkInterface.getByName(name);
          if (nif != null) {
            for (InterfaceAddress a : nif.getInterfaceAddresses()) {
              String text = a.getAddress().getHostAddress();
              int pct = text.indexOf('%');
              text = pct < 0 ? text : text.substring(0, pct);
              boolean v4 = a.getAddress() instanceof Inet4Address;
              out.add(
                  new GuestNetworkInterface.IpAddress(
                      v4 ? text : ListeningSockets.compress(text),
                      v4 ? "ipv4" : "ipv6",
                      a.getNetworkPrefixLength()));
            }
          }
        } catch (SocketException e) {
          // interface vanished: no addresses
        }
        return out;
      };

  private final SystemRoot root;
  private final AddressLookup lookup;

  public Interfaces(SystemRoot root, AddressLookup lookup) {
    this.root = root;
    this.lookup = lookup;
  }

  public List<GuestNetworkInterface> read() throws IOException {
    List<GuestNetworkInterface> out = new ArrayList<>();
    for (NetDev.Counters c : NetDev.read(root)) {
      String mac = root.firstLine("sys/class/net/" + c.name() + "/address");
      out.add(new GuestNetworkInterface(c.name(), mac, lookup.addresses(c.name()), c.stats()));
    }
    return out;
  }
}
