package host

// domainControlOps are virDomain's lifecycle, devices, save and restore, migration, block jobs, guest agent and other control methods.
var domainControlOps = []*Op{}
