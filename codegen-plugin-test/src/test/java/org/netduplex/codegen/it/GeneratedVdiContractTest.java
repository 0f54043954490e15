package org.netduplex.codegen.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.jws.Oneway;
import jakarta.jws.WebMethod;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import rdv.virtualization.microsoft.IRDVServer;
import rdv.virtualization.microsoft.IRDVServerCallback;
import rdv.virtualization.microsoft.JobUpdated;

/**
 * The plugin's second execution, with its own output directory and the default package mapping,
 * generated Microsoft's VDI contract: this class compiles against it.
 */
class GeneratedVdiContractTest {
  @Test
  void vdiContractIsGeneratedAsAServiceAndACallbackInterface() throws Exception {
    List<String> operations = Arrays.stream(IRDVServer.class.getMethods())
        .map(m -> m.getAnnotation(WebMethod.class).operationName()).sorted().toList();
    assertEquals(List.of("GetVM", "PlaceVM", "SetLocale", "StartVM"), operations);

    Method jobUpdated = IRDVServerCallback.class.getMethod("jobUpdated", JobUpdated.class);
    assertNotNull(jobUpdated.getAnnotation(Oneway.class));
    assertEquals("http://Microsoft.Virtualization.RDV/IRDVServer/JobUpdated",
        jobUpdated.getAnnotation(WebMethod.class).action());
  }
}
