package cgobackend

import (
	"reflect"
	"strings"
	"testing"

	"libvirt.org/go/libvirt"

	"github.com/vertscript/vertscript/host"
)

// paramGroups pairs each schema of the core with the fields of the
// libvirt.org/go/libvirt struct that carries it.
func paramGroups() []struct {
	name   string
	schema host.TypedSchema
	fields func() ([]field, any)
} {
	return []struct {
		name   string
		schema host.TypedSchema
		fields func() ([]field, any)
	}{
		{"blkio", host.BlkioParams, func() ([]field, any) { var p libvirt.DomainBlkioParameters; return blkioFields(&p), p }},
		{"memory", host.MemoryParams, func() ([]field, any) { var p libvirt.DomainMemoryParameters; return memoryFields(&p), p }},
		{"numa", host.NumaParams, func() ([]field, any) { var p libvirt.DomainNumaParameters; return numaFields(&p), p }},
		{"interface", host.InterfaceParams, func() ([]field, any) { var p libvirt.DomainInterfaceParameters; return interfaceFields(&p), p }},
		{"blockIoTune", host.BlockIoTuneParams, func() ([]field, any) {
			var p libvirt.DomainBlockIoTuneParameters
			return blockIoTuneFields(&p), p
		}},
		{"scheduler", host.SchedulerParams, func() ([]field, any) { var p libvirt.DomainSchedulerParameters; return schedulerFields(&p), p }},
		{"perf", host.PerfEventParams, func() ([]field, any) { var p libvirt.DomainPerfEvents; return perfFields(&p), p }},
		{"iothread", host.IOThreadParams, func() ([]field, any) { var p libvirt.DomainSetIOThreadParams; return ioThreadFields(&p), p }},
		{"launchSecurityInfo", host.LaunchSecurityInfoParams, func() ([]field, any) {
			var p libvirt.DomainLaunchSecurityParameters
			return launchSecurityInfoFields(&p), p
		}},
		{"launchSecurityState", host.LaunchSecurityStateParams, func() ([]field, any) {
			var p libvirt.DomainLaunchSecurityStateParameters
			return launchSecurityStateFields(&p), p
		}},
		{"cpuStats", host.CPUStatsParams, func() ([]field, any) { var p libvirt.DomainCPUStats; return cpuStatsFields(&p), p }},
		{"blockStats", host.BlockStatsParams, func() ([]field, any) { var p libvirt.DomainBlockStats; return blockStatsFields(&p), p }},
		{"jobStats", host.JobStatsParams, func() ([]field, any) { var p libvirt.DomainJobInfo; return jobStatsFields(&p), p }},
		{"blockCopy", host.BlockCopyParams, func() ([]field, any) { var p libvirt.DomainBlockCopyParameters; return blockCopyFields(&p), p }},
		{"saveRestore", host.SaveRestoreParams, func() ([]field, any) { var p libvirt.DomainSaveRestoreParams; return saveFields(&p), p }},
		{"identity", host.IdentityParams, func() ([]field, any) { var p libvirt.ConnectIdentity; return identityFields(&p), p }},
		{"nodeMemory", host.NodeMemoryParams, func() ([]field, any) { var p libvirt.NodeMemoryParameters; return nodeMemoryFields(&p), p }},
		{"networkPort", host.NetworkPortParams, func() ([]field, any) { var p libvirt.NetworkPortParameters; return portFields(&p), p }},
	}
}

// TestFieldsCoverSchemas: each schema field maps to a struct field of the
// same kind, and each struct field with a Set flag to a schema field, so
// that no typed parameter is silently dropped either way.
func TestFieldsCoverSchemas(t *testing.T) {
	for _, g := range paramGroups() {
		fs, zero := g.fields()
		byName := fieldsOf(fs)
		if len(byName) != len(fs) {
			t.Errorf("%s: a field is mapped twice", g.name)
		}
		for _, sf := range g.schema {
			f, ok := byName[sf.Name]
			if !ok {
				t.Errorf("%s: schema field %q has no struct field", g.name, sf.Name)
				continue
			}
			if f.kind() != sf.Kind {
				t.Errorf("%s: field %q is %v in the struct, %v in the schema", g.name, sf.Name, f.kind(), sf.Kind)
			}
		}
		if len(fs) != len(g.schema) {
			t.Errorf("%s: %d struct fields mapped, %d in the schema", g.name, len(fs), len(g.schema))
		}
		sets := 0
		typ := reflect.TypeOf(zero)
		for i := 0; i < typ.NumField(); i++ {
			if strings.HasSuffix(typ.Field(i).Name, "Set") && typ.Field(i).Type.Kind() == reflect.Bool {
				sets++
			}
		}
		if sets != len(fs) {
			t.Errorf("%s: %s has %d fields with a Set flag, %d mapped", g.name, typ, sets, len(fs))
		}
	}
}

// TestParamsRoundTrip sets every field from typed parameters and reads
// them back, in the schema's order.
func TestParamsRoundTrip(t *testing.T) {
	for _, g := range paramGroups() {
		var in []host.TypedParam
		for i := len(g.schema) - 1; i >= 0; i-- { // the reverse order: getParams sorts
			sf := g.schema[i]
			var v any
			switch sf.Kind {
			case host.TypedInt, host.TypedLLong:
				v = int64(-i - 1)
			case host.TypedUint, host.TypedULLong:
				v = int64(i + 1)
			case host.TypedDouble:
				v = float64(i) + 0.5
			case host.TypedBool:
				v = i%2 == 0
			case host.TypedString:
				v = "s" + sf.Name
			}
			in = append(in, host.TypedParam{Name: sf.Name, Value: v})
		}
		fs, _ := g.fields()
		if err := setParams(fs, in); err != nil {
			t.Errorf("%s: %v", g.name, err)
			continue
		}
		got := getParams(fs, g.schema)
		for i, p := range got {
			want := in[len(in)-1-i]
			if p != want {
				t.Errorf("%s: param %d is %v, want %v", g.name, i, p, want)
			}
		}
		if len(got) != len(in) {
			t.Errorf("%s: %d params back, want %d", g.name, len(got), len(in))
		}
	}
}

func TestParamsOnlySetFields(t *testing.T) {
	var p libvirt.DomainMemoryParameters
	p.SoftLimit, p.SoftLimitSet = 1024, true
	p.HardLimit = 99 // not reported
	got := getParams(memoryFields(&p), host.MemoryParams)
	if want := []host.TypedParam{{Name: "soft_limit", Value: int64(1024)}}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if err := setParams(memoryFields(&p), []host.TypedParam{{Name: "nope", Value: int64(1)}}); err == nil {
		t.Error("an unknown field was set")
	}
	if err := setParams(memoryFields(&p), []host.TypedParam{{Name: "hard_limit", Value: "1"}}); err == nil {
		t.Error("a string was stored in an integer field")
	}
}
