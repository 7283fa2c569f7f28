package vertscript

import (
	"github.com/vertscript/vertscript/host"
)

// The types a program that embeds vertscript meets, from the core.
type (
	// Error is a script that failed: Msg for a human (position first,
	// then the language's traceback), Pos the position as fields, Err the
	// cause, for errors.As and errors.Is.
	Error = host.ScriptError
	// Position is a place in a script: File, Line, Col (0 when the
	// language reports lines only, as Lua does).
	Position = host.Position
	// ExitError is a script that ended itself with a non-zero status.
	ExitError = host.ExitError
	// PolicyError is a call or a URI the policy refused.
	PolicyError = host.PolicyError
	// LimitError is a run a limit stopped: Limit names which.
	LimitError = host.LimitError
	// LibvirtError is an error libvirt returned, with its code, domain
	// and level, as libvirt-python's libvirtError has them.
	LibvirtError = host.Error
	// Limits bound a run: Timeout, CallTimeout, MaxSteps, MaxDepth,
	// MaxMemory.
	Limits = host.Limits
	// PlanEntry is a call a dry run recorded instead of making it.
	PlanEntry = host.PlanEntry
	// Clock is the time scripts see; NewFakeClock makes one that stands
	// still but for sleeps, for repeatable outputs.
	Clock = host.Clock
	// Module is a set of Go functions scripts call as NAME.f(...).
	Module = host.Module
	// Value is what crosses between scripts and Go functions: nil,
	// bool, int64, float64, string, []Value, Tuple, Bytes, *Map.
	Value = host.Value
	// Param is a parameter of a Go function: Required or Optional.
	Param = host.Param
	// Type is the type a parameter accepts.
	Type = host.Type
	// Effect is what a function does, for the policy: Read, Mutate,
	// Destroy.
	Effect = host.Effect
	// Map is an ordered dictionary with string keys.
	Map = host.Map
)

// The effects a Go function declares.
const (
	Read    = host.Read
	Mutate  = host.Mutate
	Destroy = host.Destroy
)

// The types of a Go function's parameters.
const (
	Int    = host.TInt
	Bool   = host.TBool
	String = host.TString
	Float  = host.TFloat
	Bytes  = host.TBytes
	List   = host.TList
	Dict   = host.TDict
	Any    = host.TAny
)

// DefaultLimits are the limits a zero Limits field takes: 30 minutes, 2
// minutes per libvirt call, 10^9 Starlark steps, calls nested 1000 deep,
// 512 MiB.
var DefaultLimits = host.DefaultLimits

// Func makes the function module.name of a Module: fn gets the run's
// context and the script's arguments bound to params, and returns a
// Value or an error that fails the script at the call.
var Func = host.Func

// Required and Optional make a Func's parameters.
var (
	Required = host.Required
	Optional = host.Optional
)

// NewMap returns an empty Map, for a Go function's dict results.
var NewMap = host.NewMap

// NewFakeClock returns a Clock that reads start and that sleeps advance.
var NewFakeClock = host.NewFakeClock

// withDefaults fills l's zero fields from DefaultLimits.
func withDefaults(l Limits) Limits {
	d := DefaultLimits
	if l.Timeout == 0 {
		l.Timeout = d.Timeout
	}
	if l.CallTimeout == 0 {
		l.CallTimeout = d.CallTimeout
	}
	if l.MaxSteps == 0 {
		l.MaxSteps = d.MaxSteps
	}
	if l.MaxDepth == 0 {
		l.MaxDepth = d.MaxDepth
	}
	if l.MaxMemory == 0 {
		l.MaxMemory = d.MaxMemory
	}
	return l
}

// Op is an operation scripts call: a Go function made with Func.
type Op = host.Op
