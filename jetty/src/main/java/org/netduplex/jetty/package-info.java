/**
 * Publishing on CXF's embedded Jetty, without a servlet container: {@link
 * org.netduplex.jetty.PollingDuplexJetty} tunes a port for many parked polls.
 */
package org.netduplex.jetty;
