package host

var Constants []Constant
