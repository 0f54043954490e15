/**
 * Apache CXF integration: {@link org.netduplex.msbin.cxf.MsbinFeature} lets an endpoint read
 * {@code application/soap+msbin1} requests and answer them in kind, next to text SOAP.
 */
package org.netduplex.msbin.cxf;
