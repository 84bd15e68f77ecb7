package org.vimana.cli;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.vimana.api.client.ApiException;
import org.vimana.api.client.VimanaClient;
import org.vimana.api.json.ApiJson;
import org.vimana.cli.client.BalanceCommand;
import org.vimana.cli.client.EventsCommand;
import org.vimana.cli.client.HostCommand;
import org.vimana.cli.client.MigrationCommand;
import org.vimana.cli.client.PlaceCommand;
import org.vimana.cli.client.SimCommand;
import org.vimana.cli.client.SnapshotCommand;
import org.vimana.cli.client.TemplateCommand;
import org.vimana.cli.client.VmCommand;
import org.vimana.cli.config.ClientConfig;
import org.vimana.cli.config.ConfigException;
import org.vimana.cli.server.DemoCommand;
import org.vimana.cli.server.LabCommand;
import org.vimana.cli.server.ManagerCommand;
import org.vimana.cli.server.NodeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code vimana} command. Construct it with the environment and streams to use, then either
 * {@link #execute(String...)} (streams and error handling fully wired) or {@code new
 * CommandLine(main).execute(args)}; both return the exit codes of {@link ExitCode}.
 */
@Command(
    name = "vimana",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Manages clusters of virtual machines.",
    subcommands = {
      HostCommand.class,
      VmCommand.class,
      TemplateCommand.class,
      EventsCommand.class,
      MigrationCommand.class,
      SnapshotCommand.class,
      BalanceCommand.class,
      PlaceCommand.class,
      SimCommand.class,
      ManagerCommand.class,
      NodeCommand.class,
      DemoCommand.class,
      LabCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;

  @Spec CommandSpec spec;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces of errors.")
  boolean debug;

  /** A command for the real process: its environment, System.out and System.err. */
  public Main() {
    this(System.getenv(), System.out, System.err);
  }

  public Main(Map<String, String> env, PrintStream out, PrintStream err) {
    this.env = Map.copyOf(requireNonNull(env, "env"));
    this.out = requireNonNull(out, "out");
    this.err = requireNonNull(err, "err");
  }

  public static void main(String[] args) {
    System.exit(new Main().execute(args));
  }

  /** Runs one command line and returns its exit code. */
  public int execute(String... args) {
    return commandLine().execute(args);
  }

  /** A picocli command line for this command with its output and usage errors on our streams. */
  public CommandLine commandLine() {
    return commandLine(CommandLine.defaultFactory());
  }

  /** As {@link #commandLine()}, with subcommands made by {@code factory} (tests swap daemons). */
  public CommandLine commandLine(CommandLine.IFactory factory) {
    CommandLine cl = new CommandLine(this, factory);
    cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cl.setParameterExceptionHandler(Main::usageError);
    return cl;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command");
  }

  public Map<String, String> env() {
    return env;
  }

  public PrintStream out() {
    return out;
  }

  public PrintStream err() {
    return err;
  }

  public boolean debug() {
    return debug;
  }

  /** A client of the configured manager (environment first, then the client config file). */
  public VimanaClient client() throws ConfigException {
    ClientConfig config = ClientConfig.load(env);
    return new VimanaClient(URI.create(config.url()), config.token());
  }

  /** Prints {@code value} as pretty JSON, exactly as the API serves it. */
  public void printJson(Object value) {
    ObjectWriter w = ApiJson.mapper().writerWithDefaultPrettyPrinter();
    try {
      out.println(w.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  /** An action of a command, which may fail with any of the errors {@link #run} reports. */
  @FunctionalInterface
  public interface Action {
    void run() throws Exception;
  }

  /**
   * Runs {@code action}, turning its failure into {@code error: <message>} on stderr and an exit
   * code (a stack trace only with --debug).
   */
  public int run(Action action) {
    try {
      action.run();
      return ExitCode.OK;
    } catch (ApiException e) {
      return fail(ExitCode.of(e), e.getMessage(), e);
    } catch (CliException e) {
      return fail(e.exitCode(), e.getMessage(), e);
    } catch (ConfigException e) {
      return fail(ExitCode.UNREACHABLE, e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      return fail(ExitCode.USAGE, e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail(ExitCode.FAILURE, "interrupted", e);
    } catch (Exception e) {
      return fail(ExitCode.FAILURE, String.valueOf(e), e);
    }
  }

  private int fail(int code, String message, Throwable e) {
    err.println("error: " + message);
    if (debug) {
      e.printStackTrace(err);
    }
    return code;
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter w = cl.getErr();
    w.println("error: " + e.getMessage());
    if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, w)) {
      w.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
    }
    w.flush();
    return cl.getCommandSpec().exitCodeOnInvalidInput();
  }

  /** The version from the jar's manifest (the Maven project version). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"vimana " + (v == null ? "(development build)" : v)};
    }
  }
}
