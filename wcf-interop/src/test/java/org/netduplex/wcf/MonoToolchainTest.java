package org.netduplex.wcf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The WCF peer's toolchain works: mcs compiles against Mono's WCF assemblies and mono runs the program. */
class MonoToolchainTest {
  @Test
  void aCSharpProgramReferencingWcfCompilesAndRuns() {
    Mono.Result r = Mono.run("MonoVersion", new byte[0], 60).assertSucceeded();
    assertTrue(r.stdout.contains("servicemodel ") && r.stdout.contains("System.ServiceModel.dll"), r.stdout);
  }
}
