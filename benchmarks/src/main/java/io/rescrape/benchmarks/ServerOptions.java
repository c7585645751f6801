package io.rescrape.benchmarks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where the servers are: this machine's PostgreSQL and Redis unless told otherwise. Each option is
 * checked as it is read, so a bad one is refused before any server is touched.
 */
final class ServerOptions {

  /** Enough for three instances of {@code scale} and a parent within PostgreSQL's default 100. */
  static final int MAX_POOL_SIZE = 25;

  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");
  private static final Pattern USER_INFO = Pattern.compile("//[^/@]*@");

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  String postgresUrl = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
  String redisUrl = "redis://127.0.0.1:6379";
  int poolSize = 10;

  @Option(
      names = "--postgres-url",
      paramLabel = "JDBC_URL",
      defaultValue = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres",
      description =
          "PostgreSQL to run on, as a JDBC URL with its user; each run creates a schema of its own"
              + " there and drops it at the end (default: ${DEFAULT-VALUE})")
  void postgresUrl(String url) {
    if (!url.startsWith("jdbc:postgresql://")) {
      throw invalid(
          "--postgres-url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db?user=...),"
              + " not '"
              + masked(url)
              + "': the benchmarks run on PostgreSQL only");
    }
    this.postgresUrl = url;
  }

  @Option(
      names = "--redis-url",
      paramLabel = "URL",
      defaultValue = "redis://127.0.0.1:6379",
      description =
          "Redis to dispatch through, redis://host:port or rediss:// for TLS; each run uses a key"
              + " prefix of its own and deletes its keys at the end (default: ${DEFAULT-VALUE})")
  void redisUrl(String url) {
    try {
      URI uri = new URI(url);
      boolean redis = "redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme());
      boolean port = uri.getPort() == -1 || uri.getPort() >= 1 && uri.getPort() <= 65_535;
      String path = uri.getPath() == null ? "" : uri.getPath();
      boolean database = path.isEmpty() || path.equals("/") || path.matches("/\\d{1,2}");
      if (!redis || uri.getHost() == null || !port || !database) {
        throw invalid(
            "--redis-url must be redis://[user:password@]host[:port][/database] or rediss://...,"
                + " not '"
                + masked(url)
                + "'");
      }
    } catch (URISyntaxException e) {
      throw invalid("--redis-url is not a URL: '" + masked(url) + "' (" + e.getReason() + ")");
    }
    this.redisUrl = url;
  }

  @Option(
      names = "--pool-size",
      paramLabel = "N",
      defaultValue = "10",
      description =
          "connections in each HikariCP pool, from 1 to "
              + MAX_POOL_SIZE
              + "; drain gives both schedulers the same (default: ${DEFAULT-VALUE}, as in the"
              + " example service)")
  void poolSize(int size) {
    if (size < 1 || size > MAX_POOL_SIZE) {
      throw invalid("--pool-size must be from 1 to " + MAX_POOL_SIZE + ", not " + size);
    }
    this.poolSize = size;
  }

  /** {@return the URL with any password in it replaced by stars, for messages} */
  static String masked(String url) {
    String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
    return USER_INFO.matcher(masked).replaceAll("//***@");
  }

  private ParameterException invalid(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
