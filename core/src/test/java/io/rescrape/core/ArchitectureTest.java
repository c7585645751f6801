package io.rescrape.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.rescrape.core");
  }

  @Test
  void should_depend_only_on_the_jdk_guava_slf4j_and_jakarta_inject() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "io.rescrape.core..",
            "java.lang..",
            "java.util..",
            "java.time..",
            "java.io..",
            "java.math..",
            "java.text..",
            "com.google.common..",
            "org.slf4j..",
            "jakarta.inject..",
            "org.jspecify.annotations..")
        .check(core);
  }

  @Test
  void should_keep_storage_network_and_json_types_out() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.sql..",
            "javax.sql..",
            "java.net..",
            "com.fasterxml..",
            "redis..",
            "io.lettuce..",
            "org.postgresql..",
            "org.h2..",
            "org.flywaydb..",
            "io.rescrape.jdbc..",
            "io.rescrape.scraper..",
            "io.rescrape.example..")
        .check(core);
  }

  @Test
  void should_take_time_only_from_the_injected_clock() {
    noClasses()
        .should()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .callMethod(java.time.LocalDate.class, "now")
        .orShould()
        .callMethod(java.time.LocalDateTime.class, "now")
        .orShould()
        .callMethod(java.time.ZonedDateTime.class, "now")
        .orShould()
        .callMethod(java.time.OffsetDateTime.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .because("rule 10: time comes from the injected java.time.Clock")
        .check(core);
  }

  @Test
  void should_keep_the_domain_free_of_services_ports_and_test_support() {
    noClasses()
        .that()
        .resideInAPackage("io.rescrape.core.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.rescrape.core.service..",
            "io.rescrape.core.port..",
            "io.rescrape.core.testing..",
            "org.slf4j..")
        .check(core);
  }

  @Test
  void should_keep_services_free_of_in_memory_adapters() {
    noClasses()
        .that()
        .resideInAnyPackage("io.rescrape.core.service..", "io.rescrape.core.port..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.rescrape.core.testing..")
        .check(core);
  }

  @Test
  void should_let_ports_speak_only_the_domain() {
    classes()
        .that()
        .resideInAPackage("io.rescrape.core.port..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "io.rescrape.core.port..",
            "io.rescrape.core.domain..",
            "io.rescrape.core.event..",
            "java..",
            "org.jspecify.annotations..")
        .check(core);
  }
}
