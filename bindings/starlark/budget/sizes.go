package budget

// Bytes per element of the values a builtin makes, the estimates that it
// charges with Alloc before it makes them: a list or tuple slot (an
// interface), and what an element made on the fly (a string piece, a
// tuple, a hash table entry) adds to it. Sums and products of them go
// through host.SatAdd and host.SatMul.
const (
	SlotBytes  = 16 // a slot of a list or tuple
	BoxBytes   = 16 // a value boxed in an interface: a string's header
	TupleBytes = 72 // a 2-tuple in a list: slot, slice header, two slots
	EntryBytes = 64 // a dict or set entry
)
