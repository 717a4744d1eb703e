// Command kstatus prints what kstatus, the status library behind Flux's health checks
// (sigs.k8s.io/cli-utils/pkg/kstatus/status), computes for one Kubernetes object. Flux imports it
// through its fork github.com/fluxcd/cli-utils, whose pkg/kstatus/status (v1.3.0, v1.4.0) is this
// code with its import paths changed; v1.4.0 needs Go 1.27, newer than this machine's.
//
//	kstatus [FILE]    reads the object as JSON from FILE, or from standard input without one
//
// It prints one JSON line, {"status":"Current","message":"..."}, and exits 0; unreadable input or an
// object kstatus cannot judge exits 2 with the reason on standard error.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"sigs.k8s.io/cli-utils/pkg/kstatus/status"
)

type result struct {
	Status  status.Status `json:"status"`
	Message string        `json:"message"`
}

func main() {
	if err := run(os.Args[1:], os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "kstatus:", err)
		os.Exit(2)
	}
}

func run(args []string, stdin io.Reader, stdout io.Writer) error {
	input := stdin
	switch len(args) {
	case 0:
	case 1:
		file, err := os.Open(args[0])
		if err != nil {
			return err
		}
		defer file.Close()
		input = file
	default:
		return fmt.Errorf("expected at most one file, got %d arguments", len(args))
	}
	data, err := io.ReadAll(input)
	if err != nil {
		return err
	}
	// The decoder the API machinery itself uses: integers stay int64, as kstatus's generation check expects.
	object := &unstructured.Unstructured{}
	if err := object.UnmarshalJSON(data); err != nil {
		return fmt.Errorf("not a Kubernetes object in JSON: %w", err)
	}
	computed, err := status.Compute(object)
	if err != nil {
		return fmt.Errorf("kstatus cannot compute the status of %s %s: %w", object.GetKind(), object.GetName(), err)
	}
	return json.NewEncoder(stdout).Encode(result{Status: computed.Status, Message: computed.Message})
}
