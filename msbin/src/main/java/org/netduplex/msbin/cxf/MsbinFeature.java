package org.netduplex.msbin.cxf;

import org.apache.cxf.Bus;
import org.apache.cxf.feature.AbstractPortableFeature;
import org.apache.cxf.interceptor.InterceptorProvider;
import org.netduplex.msbin.MsbinLimits;

/**
 * Binary SOAP ({@code application/soap+msbin1}) next to text SOAP on one endpoint: requests sent
 * in binary are read in binary and answered (faults included) in binary; text requests are
 * untouched. On a client, {@link #binaryRequests()} also sends requests in binary and reads binary
 * answers.
 */
public class MsbinFeature implements AbstractPortableFeature {
  private final MsbinLimits limits;
  private final boolean binaryRequests;

  /** For endpoints: answer in the encoding of the request. */
  public MsbinFeature() {
    this(MsbinLimits.DEFAULTS, false);
  }

  /**
   * For endpoints: answer in the encoding of the request, decoding with the given limits.
   *
   * @param limits bounds the decoder enforces on binary requests
   */
  public MsbinFeature(MsbinLimits limits) {
    this(limits, false);
  }

  private MsbinFeature(MsbinLimits limits, boolean binaryRequests) {
    this.limits = limits;
    this.binaryRequests = binaryRequests;
  }

  /**
   * For clients: send requests in binary too.
   *
   * @return a feature with the default limits
   */
  public static MsbinFeature binaryRequests() {
    return new MsbinFeature(MsbinLimits.DEFAULTS, true);
  }

  @Override
  public void doInitializeProvider(InterceptorProvider provider, Bus bus) {
    MsbinInInterceptor in = new MsbinInInterceptor(limits);
    MsbinOutInterceptor out = new MsbinOutInterceptor(binaryRequests);
    provider.getInInterceptors().add(in);
    provider.getInFaultInterceptors().add(in);
    provider.getOutInterceptors().add(out);
    provider.getOutFaultInterceptors().add(out);
  }
}
