package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/vertscript/vertscript/host"
)

// runCheck is `vertscript check [--json] SCRIPT...`: it parses and resolves
// each script as a run would, without connecting to libvirt, prints each
// error with its position, and lists per script the operations that are
// not reads it can reach. Exit status: 0 when every script compiles, 1
// when one does not, 2 on a usage error (no script, an unknown language,
// a file that cannot be read).
func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	asJSON := fs.Bool("json", false, "")
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(stderr, "vertscript: check: %v\n%s", err, seeHelp)
		return exitUsage
	}
	paths := fs.Args()
	if len(paths) == 0 {
		fmt.Fprintf(stderr, "vertscript: check: no script given\n%s", seeHelp)
		return exitUsage
	}
	code := exitOK
	var results []checkResult
	for _, path := range paths {
		res, status := checkScript(path)
		if status == exitUsage {
			fmt.Fprintf(stderr, "vertscript: %s\n", res.Problem)
			code = exitUsage
			continue
		}
		if status != exitOK && code == exitOK {
			code = status
		}
		results = append(results, res)
		if *asJSON {
			continue
		}
		for _, e := range res.Errors {
			fmt.Fprintln(stderr, terminalSafe(e.Message))
		}
		if len(res.Errors) > 0 {
			continue
		}
		if len(res.Findings) == 0 {
			fmt.Fprintf(stdout, "%s: reaches no mutating, destroying, file or privileged operation\n", path)
		}
		for _, f := range res.Findings {
			fmt.Fprintf(stdout, "%s: %s\n", path, terminalSafe(f.text))
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if results == nil {
			results = []checkResult{}
		}
		if err := enc.Encode(results); err != nil {
			fmt.Fprintf(stderr, "vertscript: %v\n", err)
			return exitFailed
		}
	}
	return code
}

// checkResult is the check of one script, as --json writes it.
type checkResult struct {
	Script   string         `json:"script"`
	OK       bool           `json:"ok"`
	Errors   []checkError   `json:"errors"`
	Findings []checkFinding `json:"findings"`
	Problem  string         `json:"-"` // a usage error: the script cannot be checked
}

// checkError is an error of a script that does not compile.
type checkError struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Message string `json:"message"`
}

// checkFinding is an operation a script may reach, or a dynamic access.
type checkFinding struct {
	Op         string `json:"op,omitempty"`
	Effect     string `json:"effect,omitempty"`
	Candidates int    `json:"candidates,omitempty"`
	Dynamic    bool   `json:"dynamic,omitempty"`
	Via        string `json:"via,omitempty"`
	File       string `json:"file"`
	Line       int    `json:"line"`
	Col        int    `json:"col"`
	text       string
}

// checkScript checks the script at path, and returns the exit status
// it calls for.
func checkScript(path string) (checkResult, int) {
	res := checkResult{Script: path, Errors: []checkError{}, Findings: []checkFinding{}}
	lang := languageFor(path)
	if lang == nil {
		res.Problem = fmt.Sprintf("%s: unknown script language (want %s)", path, extensions())
		return res, exitUsage
	}
	checker, ok := lang.(host.Checker)
	if !ok {
		res.Problem = fmt.Sprintf("%s: the %s language cannot check scripts", path, lang.Name())
		return res, exitUsage
	}
	src, err := readFile(path, host.DefaultLimits)
	if err != nil {
		res.Problem = err.Error()
		return res, exitUsage
	}
	refs, err := checker.Check(host.Script{Path: path, Src: src, Args: []string{path}})
	if err != nil {
		var ce *host.CheckError
		if !errors.As(err, &ce) {
			ce = &host.CheckError{Errors: []*host.ScriptError{{Msg: path + ": " + err.Error(), Pos: host.Position{File: path}}}}
		}
		for _, se := range ce.Errors {
			res.Errors = append(res.Errors, checkError{File: se.Pos.File, Line: se.Pos.Line, Col: se.Pos.Col, Message: se.Msg})
		}
		return res, exitFailed
	}
	res.OK = true
	for _, f := range host.Reachable(refs) {
		cf := checkFinding{File: f.Pos.File, Line: f.Pos.Line, Col: f.Pos.Col, Dynamic: f.Dynamic, Via: f.Via, text: f.String()}
		if f.Op != nil {
			cf.Op, cf.Effect, cf.Candidates = f.Op.QualName(), f.Effects(), f.Candidates
		}
		res.Findings = append(res.Findings, cf)
	}
	return res, exitOK
}
