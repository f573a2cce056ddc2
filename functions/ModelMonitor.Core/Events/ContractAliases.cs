// The parser's field enum is the contract's: one list of fields for the service and the producer.
global using Field = ModelMonitor.Contract.ContractField;
