package org.vimana.manager.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokensTest {
  @Test
  void tokensAreRandomAndHashedWithSha256() {
    String a = Tokens.generate();
    assertThat(a).hasSize(43).isNotEqualTo(Tokens.generate());
    assertThat(Tokens.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
