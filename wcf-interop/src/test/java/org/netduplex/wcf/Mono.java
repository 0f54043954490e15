package org.netduplex.wcf;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Mono as an independent WCF peer: compiles a C# program of {@code src/test/csharp} with {@code mcs} (once per
 * build) and runs it with {@code mono}. Mono's {@code System.ServiceModel} is Mono's own code; its {@code
 * System.Runtime.Serialization} (the binary XML reader and writer) is Microsoft's reference source.
 *
 * <p>Without Mono on the PATH the tests are skipped, unless {@code NETDUPLEX_REQUIRE_MONO=1} (set by {@code
 * .ci/run}), where a missing Mono fails them: there the WCF peer is part of the proof, not optional.
 */
public final class Mono {
  private static final Path SOURCES = Path.of("src/test/csharp");
  private static final Path OUTPUT = Path.of("target/mono");
  private static final List<String> REFERENCES = List.of("System.dll", "System.Xml.dll",
      "System.Runtime.Serialization.dll", "System.ServiceModel.dll");
  private static final ConcurrentHashMap<String, Path> COMPILED = new ConcurrentHashMap<>();

  private Mono() {}

  /** Skips the calling test when Mono is absent, or fails it where Mono is required. */
  public static void require() {
    if (onPath("mono") && onPath("mcs")) {
      return;
    }
    String why = "Mono (mono and mcs, Debian package mono-complete) is not on the PATH";
    if ("1".equals(System.getenv("NETDUPLEX_REQUIRE_MONO"))) {
      fail(why + ", and NETDUPLEX_REQUIRE_MONO=1 says the WCF peer tests must run");
    }
    Assumptions.abort(why + ": WCF peer tests skipped (set NETDUPLEX_REQUIRE_MONO=1 to make this a failure)");
  }

  /** Runs {@code src/test/csharp/<program>.cs} (compiled on first use) with {@code args}, feeding it {@code stdin}. */
  public static Result run(String program, byte[] stdin, long timeoutSeconds, String... args) {
    require();
    Path exe = COMPILED.computeIfAbsent(program, Mono::compile);
    List<String> command = new ArrayList<>(List.of("mono", "--debug", exe.toString()));
    command.addAll(List.of(args));
    return exec(command, stdin, timeoutSeconds);
  }

  private static Path compile(String program) {
    try {
      Files.createDirectories(OUTPUT);
      Path exe = OUTPUT.resolve(program + ".exe");
      List<String> command = new ArrayList<>(List.of("mcs", "-nologo", "-debug", "-out:" + exe));
      REFERENCES.forEach(r -> command.add("-r:" + r));
      command.add(SOURCES.resolve(program + ".cs").toString());
      Result r = exec(command, new byte[0], 120);
      if (r.exitCode != 0) {
        fail("mcs could not compile " + program + ".cs:\n" + r.stdout + r.stderr);
      }
      return exe;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Result exec(List<String> command, byte[] stdin, long timeoutSeconds) {
    try {
      Process p = new ProcessBuilder(command).start();
      CompletableFuture<byte[]> out = drain(p.getInputStream());
      CompletableFuture<byte[]> err = drain(p.getErrorStream());
      try (var in = p.getOutputStream()) {
        in.write(stdin);
      }
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s; stderr so far:\n"
            + new String(err.getNow(new byte[0]), StandardCharsets.UTF_8));
      }
      return new Result(p.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static CompletableFuture<byte[]> drain(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  /** What a program printed and returned. */
  public static final class Result {
    public final int exitCode;
    public final byte[] stdoutBytes;
    public final String stdout;
    public final String stderr;

    Result(int exitCode, byte[] stdout, String stderr) {
      this.exitCode = exitCode;
      this.stdoutBytes = stdout;
      this.stdout = new String(stdout, StandardCharsets.UTF_8);
      this.stderr = stderr;
    }

    /** Fails unless the program exited 0, showing what it printed. */
    public Result assertSucceeded() {
      if (exitCode != 0) {
        fail("exit code " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr);
      }
      return this;
    }
  }
}
