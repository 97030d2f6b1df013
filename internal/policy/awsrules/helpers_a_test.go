package awsrules

import (
	"testing"

	"github.com/hoist-dev/hoist/internal/ir"
)

// TestStatementsJSONString checks that a policy document written as a
// JSON string (a Terraform heredoc) is decoded, and that its findings
// point at the document itself.
func TestStatementsJSONString(t *testing.T) {
	r := &ir.Resource{ID: "P", Type: "AWS::IAM::ManagedPolicy", Properties: ir.M(
		"PolicyDocument", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`,
	)}
	got := iamAdminPolicy.Check(nil, r)
	if len(got) != 1 || got[0].Path != "PolicyDocument" {
		t.Fatalf("got %+v, want one violation at PolicyDocument", got)
	}
	r.Properties.Set("PolicyDocument", ir.String(`{not json`))
	if got := iamAdminPolicy.Check(nil, r); len(got) != 0 {
		t.Fatalf("malformed JSON document: got %+v, want no violation", got)
	}
}

func TestRunsAsRoot(t *testing.T) {
	for _, tc := range []struct {
		user        ir.Value
		root, known bool
	}{
		{nil, true, true},
		{ir.String("root"), true, true},
		{ir.String("0:0"), true, true},
		{ir.String("10001"), false, true},
		{ir.String("app:app"), false, true},
		{ir.Ref{Target: "User"}, false, false},
	} {
		m := ir.M("Name", "web")
		if tc.user != nil {
			m.Set("User", tc.user)
		}
		root, known := runsAsRoot(m)
		if root != tc.root || known != tc.known {
			t.Errorf("User %v: got root=%v known=%v, want root=%v known=%v", tc.user, root, known, tc.root, tc.known)
		}
	}
}

func TestWorldOpenPorts(t *testing.T) {
	for _, tc := range []struct {
		name string
		rule *ir.Map
		want int
	}{
		{"ssh", ir.M("IpProtocol", "tcp", "FromPort", 22, "ToPort", 22, "CidrIp", "0.0.0.0/0"), 1},
		{"range", ir.M("IpProtocol", "tcp", "FromPort", 20, "ToPort", 30, "CidrIpv6", "::/0"), 1},
		{"udp", ir.M("IpProtocol", "udp", "FromPort", 22, "ToPort", 22, "CidrIp", "0.0.0.0/0"), 0},
		{"private", ir.M("IpProtocol", "tcp", "FromPort", 22, "ToPort", 22, "CidrIp", "10.0.0.0/8"), 0},
		{"ref port", ir.M("IpProtocol", "tcp", "FromPort", ir.Ref{Target: "P"}, "ToPort", 22, "CidrIp", "0.0.0.0/0"), 0},
		{"all", ir.M("IpProtocol", "-1", "CidrIp", "0.0.0.0/0"), 1},
	} {
		ports, _ := sgRule{m: tc.rule}.worldOpenPorts([]int{22})
		if len(ports) != tc.want {
			t.Errorf("%s: got ports %v, want %d", tc.name, ports, tc.want)
		}
	}
}
