/** Micrometer meters for polling duplex endpoints: {@link org.netduplex.micrometer.DuplexMeterBinder}. */
package org.netduplex.micrometer;
