// Writes JSON documents as go-yaml v3's Marshal does, for the golden cases of
// Tests/RemotesCoreTests/GoYAML (see scripts/goyaml-golden.sh).
//
// Reads one JSON document a line on stdin (objects, arrays and strings) and prints one JSON line
// for each: {"in": <the document>, "out": <what yaml.Marshal wrote>, "go": <verdict>}, where the
// verdict says whether go-yaml's own reader gives the document back ("roundtrip"), another value
// ("changed"), an error ("unreadable"), or Marshal failed ("error").
//
// With -read, it reads lines {"in": <document>, "yaml": <text>, "line": <n>} instead and prints
// the line of every text that go-yaml's reader does not give back as the document.
package main

import (
	"bufio"
	"encoding/json"
	"os"
	"reflect"
	"strconv"

	"gopkg.in/yaml.v3"
)

type golden struct {
	In  interface{} `json:"in"`
	Out string      `json:"out"`
	Go  string      `json:"go"`
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "-read" {
		os.Exit(readBack())
	}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<24)
	out := json.NewEncoder(os.Stdout)
	out.SetEscapeHTML(false)
	for in.Scan() {
		var doc interface{}
		if err := json.Unmarshal(in.Bytes(), &doc); err != nil {
			os.Stderr.WriteString("not JSON: " + err.Error() + "\n")
			os.Exit(2)
		}
		written, err := yaml.Marshal(doc)
		verdict := "error"
		if err == nil {
			var back interface{}
			switch {
			case yaml.Unmarshal(written, &back) != nil:
				verdict = "unreadable"
			case reflect.DeepEqual(back, doc):
				verdict = "roundtrip"
			default:
				verdict = "changed"
			}
		}
		if err := out.Encode(golden{In: doc, Out: string(written), Go: verdict}); err != nil {
			os.Exit(1)
		}
	}
}

func readBack() int {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<24)
	failed := 0
	for in.Scan() {
		var entry struct {
			In   interface{} `json:"in"`
			YAML string      `json:"yaml"`
			Line string      `json:"line"`
		}
		if err := json.Unmarshal(in.Bytes(), &entry); err != nil {
			os.Stderr.WriteString("not JSON: " + err.Error() + "\n")
			return 2
		}
		var back interface{}
		if err := yaml.Unmarshal([]byte(entry.YAML), &back); err != nil || !reflect.DeepEqual(back, entry.In) {
			failed++
			os.Stdout.WriteString("golden line " + entry.Line + ": go-yaml does not read back our " + strconv.Quote(entry.YAML) + "\n")
		}
	}
	if failed > 0 {
		return 1
	}
	return 0
}
