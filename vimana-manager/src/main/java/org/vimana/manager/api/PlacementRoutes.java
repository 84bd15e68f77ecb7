package org.vimana.manager.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.vimana.manager.balance.NewVmAdvisor;

/** {@code GET /api/v1/placement?vcpus=4&memoryMib=8192}: where a new VM would go, and why. */
final class PlacementRoutes implements Routes {
  private final NewVmAdvisor advisor;

  PlacementRoutes(NewVmAdvisor advisor) {
    this.advisor = advisor;
  }

  @Override
  public void register(Javalin app) {
    app.get(
        "/api/v1/placement",
        ctx -> {
          int vcpus = (int) number(ctx, "vcpus", 1, 1024);
          long memory = number(ctx, "memoryMib", 1, 1L << 30);
          double cpu = fraction(ctx.queryParam("expectedCpu"));
          ctx.json(BalanceViews.placement(vcpus, memory, advisor.advise(vcpus, memory, cpu)));
        });
  }

  private static long number(Context ctx, String name, long min, long max) {
    String s = ctx.queryParam(name);
    if (s == null) {
      throw ApiError.invalid(
          name + " is required (a whole number from " + min + " to " + max + ")");
    }
    try {
      long n = Long.parseLong(s.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw ApiError.invalid(
        name + " must be a whole number from " + min + " to " + max + ", got '" + s + "'");
  }

  /** The expected CPU use, a fraction of the VM's vCPUs: 1 (all busy) unless given. */
  private static double fraction(String s) {
    if (s == null) {
      return 1.0;
    }
    try {
      double v = Double.parseDouble(s.strip());
      if (v >= 0 && v <= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw ApiError.invalid("expectedCpu must be a fraction from 0 to 1, got '" + s + "'");
  }
}
