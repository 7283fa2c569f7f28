package host

// hostOps are virConnect's host, CPU and domain-definition methods.
var hostOps = []*Op{}
