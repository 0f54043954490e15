/**
 * The NetDuplex server: attach a {@link org.netduplex.server.PollingDuplexFeature} to a CXF JAX-WS
 * endpoint whose contract has a callback contract, and call clients back through
 * {@link org.netduplex.server.CallbackChannels}.
 */
package org.netduplex.server;
