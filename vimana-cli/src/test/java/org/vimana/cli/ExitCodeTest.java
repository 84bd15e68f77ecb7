package org.vimana.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.vimana.api.client.ApiException;

class ExitCodeTest {
  @Test
  void apiErrorsMapToDistinctCodes() {
    assertThat(ExitCode.of(new ApiException(400, "invalid_request", "m"))).isEqualTo(2);
    assertThat(ExitCode.of(new ApiException(404, "not_found", "m"))).isEqualTo(3);
    assertThat(ExitCode.of(new ApiException(409, "conflict", "m"))).isEqualTo(4);
    assertThat(ExitCode.of(new ApiException(503, "host_unavailable", "m"))).isEqualTo(4);
    assertThat(ExitCode.of(new ApiException(401, "unauthorized", "m"))).isEqualTo(5);
    assertThat(ExitCode.of(new ApiException("down", new IOException("refused")))).isEqualTo(5);
    assertThat(ExitCode.of(new ApiException(500, "internal", "m"))).isEqualTo(1);
    assertThat(ExitCode.of(new ApiException(0, "bad_response", "m"))).isEqualTo(1);
  }
}
