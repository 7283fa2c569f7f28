package host

//go:generate go run ./internal/genconst -o constants.gen.go -codes driver/constants.gen.go /usr/share/libvirt/api/libvirt-api.xml

// Constant is a VIR_* constant of the libvirt module: an int64 for enums
// and integer macros, a string for string macros.
type Constant struct {
	Name  string
	Value Value
}
