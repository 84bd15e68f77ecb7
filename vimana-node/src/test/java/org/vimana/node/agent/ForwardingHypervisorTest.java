package org.vimana.node.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vimana.core.driver.Hypervisor;

class ForwardingHypervisorTest {
  /** What the delegate was called with: the method and its arguments. */
  private final List<List<Object>> calls = new ArrayList<>();

  /** A delegate that records each call and answers with a value named after the method. */
  private final Hypervisor delegate =
      (Hypervisor)
          Proxy.newProxyInstance(
              Hypervisor.class.getClassLoader(),
              new Class<?>[] {Hypervisor.class},
              (proxy, method, args) -> {
                List<Object> call = new ArrayList<>();
                call.add(method.getName());
                call.addAll(args == null ? List.of() : Arrays.asList(args));
                calls.add(call);
                return answer(method);
              });

  /** Every method of the interface, the optional capabilities (default methods) included. */
  static Stream<Method> methods() {
    return Arrays.stream(Hypervisor.class.getMethods());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("methods")
  void forwardsEveryMethodWithItsArgumentsAndResult(Method method) throws Exception {
    Hypervisor forwarding = new ForwardingHypervisor(delegate) {};
    Object[] args =
        Arrays.stream(method.getParameterTypes()).map(ForwardingHypervisorTest::argument).toArray();

    Object result = method.invoke(forwarding, args);

    List<Object> expected = new ArrayList<>();
    expected.add(method.getName());
    expected.addAll(Arrays.asList(args));
    assertThat(calls).containsExactly(expected);
    assertThat(result).isEqualTo(answer(method));
  }

  @Test
  void theAgentSocketOverrideChangesOnlyTheSocket() throws Exception {
    AgentSocketOverride override = new AgentSocketOverride(delegate, Path.of("/run/agents"));

    assertThat(override.agentSocket("vm-1")).contains(Path.of("/run/agents/vm-1.agent.sock"));
    assertThat(calls).isEmpty();
    assertThat(override.consoleLog("vm-1", 10)).isEqualTo("consoleLog");
    assertThat(calls).containsExactly(List.of("consoleLog", "vm-1", 10));
  }

  private static Object argument(Class<?> type) {
    if (type == int.class) {
      return 4096;
    }
    return type == String.class ? "vm-1" : null;
  }

  private static Object answer(Method method) {
    Class<?> type = method.getReturnType();
    if (type == Optional.class) {
      return Optional.of(method.getName());
    }
    if (type == List.class) {
      return List.of(method.getName());
    }
    return type == String.class ? method.getName() : null;
  }
}
