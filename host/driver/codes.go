package driver

// The libvirt numbers the contract itself names.
const (
	ErrNoSupport  = 3 // VIR_ERR_NO_SUPPORT
	ErrLevelError = 2 // VIR_ERR_ERROR
	FromNone      = 0 // VIR_FROM_NONE
)
