/**
 * What the NetDuplex server and client share: the protocol's names ({@link org.netduplex.core.NetDuplex}),
 * the session identity carried in the {@code netdx:Duplex} header ({@link org.netduplex.core.DuplexHeader}),
 * and the time seam ({@link org.netduplex.core.Scheduler}) that lets tests run timeouts in virtual time.
 */
package org.netduplex.core;
