/**
 * Spring Boot auto-configuration for polling duplex endpoints and clients, on CXF's own starter:
 * {@code netduplex.server.*} and {@code netduplex.client.*} properties, graceful shutdown, health and
 * metrics.
 */
package org.netduplex.spring.boot;
