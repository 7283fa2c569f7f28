package host

// objectOps are the methods of virDomainSnapshot, virDomainCheckpoint, virInterface, virNodeDevice, virSecret, virNWFilter and virNWFilterBinding, and the virConnect and virDomain methods that reach them.
var objectOps = []*Op{}
