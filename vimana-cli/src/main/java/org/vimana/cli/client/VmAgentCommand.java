package org.vimana.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vimana.api.client.ApiException;
import org.vimana.api.json.ApiJson;
import org.vimana.api.model.AgentCommandRequest;
import org.vimana.cli.CliException;
import org.vimana.cli.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code vimana vm agent NAME CMD [JSON]}: runs any guest agent command and prints its answer. Its
 * exit codes tell the agent's refusals apart.
 */
@Command(
    name = "agent",
    description = {
      "Run a guest agent command (guest-* or vimana-*) and print the agent's JSON answer.",
      "Exit codes: 10 agent unreachable, 11 timeout, 12 blocked by the guest's policy,"
          + " 13 unknown command, 14 bad arguments, 15 unavailable on qemu-guest-agent,"
          + " 16 the command failed in the guest."
    })
public final class VmAgentCommand implements Callable<Integer> {
  public static final int UNREACHABLE = 10;
  public static final int TIMEOUT = 11;
  public static final int BLOCKED = 12;
  public static final int UNKNOWN_COMMAND = 13;
  public static final int BAD_ARGUMENTS = 14;
  public static final int UNAVAILABLE = 15;
  public static final int FAILED = 16;

  private static final Map<String, Integer> CODES =
      Map.of(
          "agent_unreachable", UNREACHABLE,
          "agent_timeout", TIMEOUT,
          "blocked_by_guest_policy", BLOCKED,
          "unknown_command", UNKNOWN_COMMAND,
          "bad_arguments", BAD_ARGUMENTS,
          "unavailable_on_qemu_ga", UNAVAILABLE,
          "agent_command_failed", FAILED,
          "agent_protocol_error", FAILED);

  @ParentCommand VmCommand vm;

  @Parameters(index = "0", paramLabel = "NAME", description = "VM name or id.")
  String name;

  @Parameters(
      index = "1",
      paramLabel = "CMD",
      description = "e.g. guest-get-osinfo, vimana-status.")
  String command;

  @Parameters(
      index = "2",
      arity = "0..1",
      paramLabel = "JSON",
      description = "The command's arguments, a JSON object, e.g. '{\"top-processes\": 3}'.")
  String arguments;

  @Option(
      names = "--timeout",
      paramLabel = "MS",
      description = "How long to wait for the agent (1..120000 ms; default 10000).")
  Long timeoutMs;

  @Override
  public Integer call() {
    Main main = vm.main();
    return main.run(
        () -> {
          JsonNode args = parse(arguments);
          JsonNode answer;
          try {
            answer =
                main.client().agentCommand(name, new AgentCommandRequest(command, args, timeoutMs));
          } catch (ApiException e) {
            Integer own = CODES.get(e.error());
            if (own == null) {
              throw e;
            }
            throw new CliException(own, e.getMessage(), e);
          }
          main.printJson(answer);
        });
  }

  private static JsonNode parse(String text) throws CliException {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      JsonNode n = ApiJson.mapper().readTree(text);
      if (!n.isObject()) {
        throw CliException.usage("JSON arguments must be an object, e.g. '{\"path\": \"/etc\"}'");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw CliException.usage("JSON arguments are not valid JSON: " + e.getOriginalMessage());
    }
  }
}
