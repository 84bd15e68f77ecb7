package org.vimana.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirsTest {
  @Test
  void vimanaHomeThenXdgDataHomeThenDotLocalShare() {
    assertThat(DataDirs.base(Map.of("HOME", "/h"))).isEqualTo(Path.of("/h/.local/share/vimana"));
    assertThat(DataDirs.base(Map.of("HOME", "/h", "XDG_DATA_HOME", "/x")))
        .isEqualTo(Path.of("/x/vimana"));
    assertThat(DataDirs.base(Map.of("HOME", "/h", "XDG_DATA_HOME", "/x", "VIMANA_HOME", "/v")))
        .isEqualTo(Path.of("/v"));
    assertThat(DataDirs.orDefault(null, Map.of("VIMANA_HOME", "/v"), "manager"))
        .isEqualTo(Path.of("/v/manager"));
    assertThat(DataDirs.orDefault(Path.of("/d/../e"), Map.of(), "manager"))
        .isEqualTo(Path.of("/e"));
  }

  @Test
  void shellLinesQuoteOnlyWhatNeedsIt() {
    assertThat(DataDirs.shellLine(List.of("node", "--name", "a b", "--x", "it's", "/p/q.token")))
        .isEqualTo("node --name 'a b' --x 'it'\\''s' /p/q.token");
  }
}
