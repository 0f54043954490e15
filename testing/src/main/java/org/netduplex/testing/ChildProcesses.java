package org.netduplex.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The processes a test started (Redis servers, Sentinels, cluster nodes), killed when the test JVM
 * exits however it exits normally, so a failed or interrupted run leaves none behind. A JVM killed
 * with SIGKILL runs no hook: cluster nodes also exit when their stdin closes, and every Redis runs in
 * a temporary directory on a free port, so a leftover one disturbs no later run.
 */
public final class ChildProcesses {
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::killAll, "child-processes-kill"));
  }

  private ChildProcesses() {}

  /**
   * Starts tracking {@code process}, to be killed at exit unless {@link #kill} was called first.
   *
   * @param process a started process
   * @return {@code process}
   */
  public static Process track(Process process) {
    LIVE.add(process);
    return process;
  }

  /**
   * Kills {@code process} with SIGKILL (no shutdown of its own) and waits for it to be gone.
   *
   * @param process a tracked or untracked process; one that already exited is fine
   * @throws IllegalStateException if it is still alive 10 s later
   */
  public static void kill(Process process) {
    LIVE.remove(process);
    process.destroyForcibly();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("process " + process.pid() + " survived SIGKILL for 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops tracking {@code process}, which exited (or was stopped) by other means.
   *
   * @param process the process
   */
  public static void forget(Process process) {
    LIVE.remove(process);
  }

  private static void killAll() {
    LIVE.forEach(Process::destroyForcibly);
  }
}
