package detect

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/parser"
)

// dockerfileDetector claims a folder whose only sign of an app is a
// Dockerfile. It is last in the registry: any ecosystem detector that
// understands the folder wins, and the Dockerfile is attached to its service.
type dockerfileDetector struct{}

func (dockerfileDetector) Name() string { return "dockerfile" }

func (dockerfileDetector) Detect(d *Dir) *Claim {
	name, ok := d.HasAny("Dockerfile", "Containerfile")
	if !ok {
		return nil
	}
	data, err := d.Read(name)
	if err != nil {
		return nil
	}
	s := Service{Language: "docker", Build: Build{Dockerfile: d.Rel(name), Manifests: []string{}}}
	s.Evidence = append(s.Evidence, d.Evidence("language", name, 0, "a Dockerfile and no recognised ecosystem manifest"))
	res, err := parser.Parse(bytes.NewReader(data))
	if err != nil {
		d.Repo().Note(Note{File: d.Rel(name), Reason: "Dockerfile does not parse: " + err.Error()})
		return &Claim{Strength: Weak, Services: []Service{s}}
	}
	for _, n := range res.AST.Children {
		switch strings.ToLower(n.Value) {
		case "expose":
			if s.Port != 0 || n.Next == nil {
				continue
			}
			p, _, _ := strings.Cut(n.Next.Value, "/")
			if port, err := strconv.Atoi(p); err == nil && port > 0 && port < 65536 {
				s.Port = port
				s.Evidence = append(s.Evidence, d.Evidence("port", name, n.StartLine, "EXPOSE "+n.Next.Value))
			}
		case "cmd", "entrypoint":
			var args []string
			for a := n.Next; a != nil; a = a.Next {
				args = append(args, a.Value)
			}
			s.StartCommand = strings.Join(args, " ")
		}
	}
	return &Claim{Strength: Weak, Services: []Service{s}}
}
