package host

// networkStorageOps are the methods of virNetwork, virNetworkPort, virStoragePool and virStorageVol, and virConnect's network and storage methods.
var networkStorageOps = []*Op{}
