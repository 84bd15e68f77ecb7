package org.vimana.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The core is the centre every dependency points at, so it may use only the JDK. The rule's {@code
 * check} is the assertion: it fails listing every offending dependency.
 */
class CoreIndependenceTest {
  private final JavaClasses core =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.vimana.core");

  @Test
  void coreDependsOnlyOnTheJdk() {
    noClasses()
        .that()
        .resideInAPackage("org.vimana.core..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("org.vimana.core..", "java..")
        .check(core);
  }
}
