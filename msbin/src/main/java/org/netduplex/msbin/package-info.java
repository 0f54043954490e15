/** The .NET Binary Format for XML and SOAP ({@code application/soap+msbin1}) as StAX. */
package org.netduplex.msbin;
