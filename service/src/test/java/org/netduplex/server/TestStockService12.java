package org.netduplex.server;

/** {@link StockServiceLogic} without the SOAP 1.1 WSDL, so that it can be published with a SOAP 1.2 binding. */
@jakarta.jws.WebService(
    serviceName = "StockService",
    portName = "PollingDuplexHttpBinding_IStockService",
    targetNamespace = "Silverlight",
    endpointInterface = "org.netduplex.stock.IStockService")
@jakarta.xml.ws.BindingType(jakarta.xml.ws.soap.SOAPBinding.SOAP12HTTP_BINDING)
public class TestStockService12 extends StockServiceLogic {}
