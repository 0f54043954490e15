package org.netduplex.server;

/** {@link StockServiceLogic} published from the captured SOAP 1.1 contract. */
@jakarta.jws.WebService(
    serviceName = "StockService",
    portName = "PollingDuplexHttpBinding_IStockService",
    targetNamespace = "Silverlight",
    wsdlLocation = "classpath:wsdl/StockService.wsdl",
    endpointInterface = "org.netduplex.stock.IStockService")
public class TestStockService extends StockServiceLogic {}
