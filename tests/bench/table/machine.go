package main

import (
	"bufio"
	"os"
	"os/exec"
	"runtime"
	"strings"
)

// machine describes where the benchmark ran.
type machine struct {
	cpu, kernel, goVersion, libvirt, pyLibvirt string
	cores                                      int
}

// describeMachine gathers the machine's description; what it cannot find
// reads "unknown". python is python3's path, "" when python3-libvirt is
// missing.
func describeMachine(python string) machine {
	m := machine{
		cpu:       cpuModel(),
		cores:     runtime.NumCPU(),
		kernel:    output("uname", "-r"),
		goVersion: runtime.Version(),
		libvirt:   output("pkg-config", "--modversion", "libvirt"),
		pyLibvirt: "n/a",
	}
	if python != "" {
		m.pyLibvirt = output("dpkg-query", "-W", "-f=${Version}", "python3-libvirt")
		if m.pyLibvirt == "unknown" {
			m.pyLibvirt = output(python, "-c", "import importlib.metadata as m; print(m.version('libvirt-python'))")
		}
	}
	return m
}

// cpuModel returns the first "model name" of /proc/cpuinfo.
func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

// output returns a command's trimmed stdout, or "unknown" when it fails.
func output(name string, args ...string) string {
	out, err := exec.Command(name, args...).Output()
	if s := strings.TrimSpace(string(out)); err == nil && s != "" {
		return s
	}
	return "unknown"
}
