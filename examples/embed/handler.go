package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/vertscript/vertscript"
)

// Config is what the service runs runbooks with.
type Config struct {
	Dir      string        // the approved runbooks
	URI      string        // the connection they use
	Timeout  time.Duration // per run
	Isolated bool          // each run in a child process
}

// Handler serves POST /run/NAME.
type Handler struct {
	dir string
	in  *vertscript.Interpreter
	cfg Config
}

// NewHandler checks cfg and returns the service's handler.
func NewHandler(cfg Config) (*Handler, error) {
	dir, err := filepath.Abs(cfg.Dir)
	if err != nil {
		return nil, err
	}
	// Options are checked here, once: a bad URI or directory stops the
	// service at start-up, not at its first request. Output goes to a
	// buffer per request, so Stdout and Stderr are set per run below.
	if _, err := vertscript.New(options(dir, cfg, nil, nil)); err != nil {
		return nil, err
	}
	return &Handler{dir: dir, cfg: cfg}, nil
}

// options are the runs' options: read-only (the zero value), the runbook
// directory readable and the base of relative paths, the one URI.
func options(dir string, cfg Config, stdout, stderr *bytes.Buffer) vertscript.Options {
	o := vertscript.Options{
		URI:       cfg.URI,
		AllowRead: []string{dir},
		BaseDir:   dir,
		Limits:    vertscript.Limits{Timeout: cfg.Timeout, MaxMemory: 256 << 20},
		Isolated:  cfg.Isolated,
	}
	if stdout != nil {
		o.Stdout, o.Stderr = stdout, stderr
	}
	return o
}

// response is the JSON a run answers.
type response struct {
	Stdout string     `json:"stdout"`
	Stderr string     `json:"stderr"`
	Error  *errorJSON `json:"error,omitempty"`
}

type errorJSON struct {
	Message string `json:"message"`
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"col,omitempty"`
	Kind    string `json:"kind"`
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name, ok := strings.CutPrefix(r.URL.Path, "/run/")
	if !ok {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodPost {
		http.Error(w, "use POST", http.StatusMethodNotAllowed)
		return
	}
	// Only a runbook of the directory, by its plain name.
	ext := filepath.Ext(name)
	if name == "" || strings.ContainsAny(name, "/\\") || strings.HasPrefix(name, ".") || ext != ".star" && ext != ".lua" {
		http.NotFound(w, r)
		return
	}
	src, err := os.ReadFile(filepath.Join(h.dir, name))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	var stdout, stderr bytes.Buffer
	in, err := vertscript.New(options(h.dir, h.cfg, &stdout, &stderr))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), h.cfg.Timeout+5*time.Second)
	defer cancel()
	_, err = in.Run(ctx, name, src, r.URL.Query()["arg"]...)
	resp := response{Stdout: stdout.String(), Stderr: stderr.String(), Error: describe(err)}
	w.Header().Set("Content-Type", "application/json")
	if err != nil {
		w.WriteHeader(http.StatusUnprocessableEntity)
	}
	_ = json.NewEncoder(w).Encode(resp)
}

// describe turns a run's error into its JSON, or nil.
func describe(err error) *errorJSON {
	if err == nil {
		return nil
	}
	e := &errorJSON{Message: err.Error(), Kind: "script"}
	var se *vertscript.Error
	if errors.As(err, &se) {
		e.File, e.Line, e.Col = se.Pos.File, se.Pos.Line, se.Pos.Col
	}
	var pe *vertscript.PolicyError
	var le *vertscript.LimitError
	var lv *vertscript.LibvirtError
	var ee *vertscript.ExitError
	switch {
	case errors.As(err, &pe):
		e.Kind = "policy"
	case errors.As(err, &le):
		e.Kind = "limit"
	case errors.As(err, &lv):
		e.Kind = "libvirt"
	case errors.As(err, &ee):
		e.Kind = "exit"
		e.Message = fmt.Sprintf("exit status %d", ee.Code)
	}
	return e
}
