package io.rescrape.example.cli;

import io.rescrape.example.AppEnvironment;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that runs against an {@link AppEnvironment} built from the common options. */
abstract class EnvironmentCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (AppEnvironment environment = AppEnvironment.open(settings())) {
      return run(environment);
    }
  }

  abstract int run(AppEnvironment environment);

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  AppEnvironment.Settings settings() {
    return new AppEnvironment.Settings(
        common.dataDir,
        common.db,
        common.now,
        common.demo,
        common.demoLatency,
        common.workers(),
        common.instagramUrl,
        common.tiktokUrl);
  }
}
