package org.vimana.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientConfigTest {
  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>();
  private Path fileToken;

  @BeforeEach
  void aHomeWithoutConfig() throws Exception {
    env.put("HOME", dir.resolve("home").toString());
    fileToken = Files.writeString(dir.resolve("file.token"), "token-from-file\n");
  }

  @Test
  void nothingConfiguredSaysWhatToDo() {
    assertThatThrownBy(() -> ClientConfig.load(env))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "no manager configured: set VIMANA_URL and VIMANA_TOKEN or start one with `vimana"
                + " demo`");
  }

  @Test
  void theDefaultFileIsUnderXdgConfigHomeElseDotConfig() {
    assertThat(ClientConfig.configFile(env))
        .isEqualTo(dir.resolve("home/.config/vimana/client.json"));
    env.put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
    assertThat(ClientConfig.configFile(env)).isEqualTo(dir.resolve("xdg/vimana/client.json"));
    env.put("VIMANA_CONFIG", dir.resolve("c.json").toString());
    assertThat(ClientConfig.configFile(env)).isEqualTo(dir.resolve("c.json"));
  }

  @Test
  void theWrittenFileIsReadBackAndPrivate() throws Exception {
    Path file = ClientConfig.configFile(env);
    ClientConfig.write(file, "http://127.0.0.1:8080", fileToken);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    ClientConfig c = ClientConfig.load(env);
    assertThat(c.url()).isEqualTo("http://127.0.0.1:8080");
    assertThat(c.token()).isEqualTo("token-from-file");
    assertThat(c.source()).isEqualTo(file.toString());
    assertThat(c.toString()).doesNotContain("token-from-file");
  }

  @Test
  void environmentWinsOverTheFileValueByValue() throws Exception {
    ClientConfig.write(ClientConfig.configFile(env), "http://file:1", fileToken);
    env.put("VIMANA_URL", "http://env:2");
    ClientConfig c = ClientConfig.load(env);
    assertThat(c.url()).isEqualTo("http://env:2");
    assertThat(c.token()).isEqualTo("token-from-file");

    env.put(
        "VIMANA_TOKEN_FILE", Files.writeString(dir.resolve("t2"), "from-token-file").toString());
    assertThat(ClientConfig.load(env).token()).isEqualTo("from-token-file");

    env.put("VIMANA_TOKEN", "from-env");
    c = ClientConfig.load(env);
    assertThat(c.token()).isEqualTo("from-env");
    assertThat(c.source()).isEqualTo("VIMANA_URL + VIMANA_TOKEN");
  }

  @Test
  void aBrokenFileDoesNotMatterWhenTheEnvironmentHasEverything() throws Exception {
    Path file = ClientConfig.configFile(env);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{not json");
    env.put("VIMANA_URL", "http://env:2");
    env.put("VIMANA_TOKEN", "t");
    assertThat(ClientConfig.load(env).url()).isEqualTo("http://env:2");

    env.remove("VIMANA_TOKEN");
    assertThatThrownBy(() -> ClientConfig.load(env))
        .hasMessageContaining("client config " + file + " is not valid");
  }

  @Test
  void aUrlWithoutATokenNamesTheWaysToGiveOne() {
    env.put("VIMANA_URL", "http://env:2");
    assertThatThrownBy(() -> ClientConfig.load(env))
        .hasMessageContaining("no token for the manager at http://env:2")
        .hasMessageContaining("VIMANA_TOKEN");
  }

  @Test
  void badValuesAreNamed() throws Exception {
    env.put("VIMANA_URL", "localhost:8080");
    env.put("VIMANA_TOKEN", "t");
    assertThatThrownBy(() -> ClientConfig.load(env))
        .hasMessageContaining("manager URL 'localhost:8080' (VIMANA_URL)");

    env.put("VIMANA_URL", "http://h:1");
    env.remove("VIMANA_TOKEN");
    env.put("VIMANA_TOKEN_FILE", dir.resolve("missing.token").toString());
    assertThatThrownBy(() -> ClientConfig.load(env))
        .hasMessageContaining("cannot read token file " + dir.resolve("missing.token"))
        .hasMessageContaining("VIMANA_TOKEN_FILE");

    env.put("VIMANA_TOKEN_FILE", Files.writeString(dir.resolve("empty"), " \n").toString());
    assertThatThrownBy(() -> ClientConfig.load(env)).hasMessageContaining("is empty");
  }

  @Test
  void unknownFieldsInTheFileAreRefused() throws Exception {
    Path file = dir.resolve("c.json");
    Files.writeString(file, "{\"url\": \"http://h:1\", \"tokenfile\": \"x\"}");
    env.put("VIMANA_CONFIG", file.toString());
    assertThatThrownBy(() -> ClientConfig.load(env)).hasMessageContaining("tokenfile");
  }
}
