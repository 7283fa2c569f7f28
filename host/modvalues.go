package host

// ModuleValue is a member of the libvirt module that is neither an
// operation nor a constant of libvirt: a value that depends on the
// session, which the language adapters set beside the constants.
type ModuleValue struct {
	Name string
	Type string // for the docs: "bool"
	Doc  string // one line
	get  func(s *Session) Value
}

// ModuleValues are the libvirt module's session-dependent values.
var ModuleValues = []ModuleValue{
	{Name: "dry_run", Type: "bool",
		Doc: "True in a dry run (--dry-run): calls that change something are recorded in the plan, not made.",
		get: func(s *Session) Value { return s.dryRun }},
}

// ModuleValues returns the libvirt module's session-dependent members with
// their values for s (see ModuleValues), in the shape of constants: the
// adapters set them as they set Constants.
func (s *Session) ModuleValues() []Constant {
	out := make([]Constant, len(ModuleValues))
	for i, v := range ModuleValues {
		out[i] = Constant{Name: v.Name, Value: v.get(s)}
	}
	return out
}
