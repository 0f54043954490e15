package org.netduplex.codegen;

import javax.xml.namespace.QName;

/**
 * One WCF duplex portType as it was split: the service contract keeps its name and its one-way and
 * request-reply operations; the callback contract is named {@code <PortType>Callback}.
 */
public record DuplexContract(QName portType, QName callbackPortType, int serviceOperations, int callbackOperations) {
}
