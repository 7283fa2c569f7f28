package driver

// TypedParam is one typed parameter, virTypedParameter: a field name and
// its value, an int64 for the integer kinds (an ULLONG above 2^63-1 reads
// negative), a float64, a bool or a string. It is the one representation
// of typed parameters between the core and every backend.
type TypedParam struct {
	Name  string
	Value any
}
