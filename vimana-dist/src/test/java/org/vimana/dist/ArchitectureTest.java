package org.vimana.dist;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Dependency rules across the whole distribution: everything points inwards to core, and nothing
 * above the driver layer knows which hypervisor driver is in use. Each rule's {@code check} is the
 * assertion: it fails the test listing every offending dependency.
 */
class ArchitectureTest {
  /** The hypervisor drivers; {@code org.vimana.sim.replay}, the trace simulator, is not one. */
  private static final String[] DRIVER_IMPLEMENTATIONS = {
    "org.vimana.sim",
    "org.vimana.sim.store..",
    "org.vimana.sim.time..",
    "org.vimana.sim.migration..",
    "org.vimana.driver..",
    "org.libvirt.."
  };

  private final JavaClasses vimana =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.vimana");

  @Test
  void coreDependsOnNothingButTheJdk() {
    noClasses()
        .that()
        .resideInAPackage("org.vimana.core..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("org.vimana.core..", "java..")
        .check(vimana);
  }

  @Test
  void onlyDriversAndTheNodeTouchDriverImplementations() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "org.vimana.sim..", "org.vimana.driver..", "org.vimana.node..", "org.vimana.lab..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(DRIVER_IMPLEMENTATIONS)
        .check(vimana);
  }

  @Test
  void theManagerNeverTouchesLibvirtNodesOrDrivers() {
    noClasses()
        .that()
        .resideInAPackage("org.vimana.manager..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.libvirt..", "org.vimana.driver..", "org.vimana.sim..", "org.vimana.node..")
        .check(vimana);
  }

  @Test
  void theNodeAndDriversNeverTouchTheManager() {
    noClasses()
        .that()
        .resideInAnyPackage("org.vimana.node..", "org.vimana.sim..", "org.vimana.driver..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.vimana.manager..", "org.vimana.cli..")
        .check(vimana);
  }
}
