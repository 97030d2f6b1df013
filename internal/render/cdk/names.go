package cdk

import (
	"strings"
	"unicode"
)

// camel converts a CloudFormation name to the lowerCamelCase name CDK's L1
// code generator gives it: runs of capitals are one word ("DBInstanceClass"
// becomes "dbInstanceClass", "MultiAZ" becomes "multiAz") and a letter after
// a digit is capitalised ("S3Bucket" stays "s3Bucket"). It follows the
// word-splitting rules of the camelcase library that generator uses.
func camel(s string) string {
	s = strings.TrimSpace(s)
	if c, ok := camelExceptions[s]; ok {
		return c
	}
	r := []rune(s)
	switch len(r) {
	case 0:
		return ""
	case 1:
		return strings.ToLower(s)
	}
	if s != strings.ToLower(s) {
		r = splitCaps(r)
	}
	for len(r) > 0 && isSep(r[0]) {
		r = r[1:]
	}
	lower := []rune(strings.ToLower(string(r)))
	var b strings.Builder
	upNext := false
	for i := 0; i < len(lower); i++ {
		c := lower[i]
		if isSep(c) {
			upNext = true
			continue
		}
		if upNext || (i > 0 && unicode.IsDigit(lower[i-1]) && !unicode.IsDigit(c)) {
			c = unicode.ToUpper(c)
		}
		upNext = false
		b.WriteRune(c)
	}
	return b.String()
}

// CDK's generator renames a few names by hand; TestNamesMatchCDK finds
// them in aws-cdk-lib and fails until they are listed here.
var (
	camelExceptions = map[string]string{"VPCs": "vpcs"}
	// fieldRenames is keyed by qualified property type and field.
	fieldRenames = map[string]string{"AWS::Lightsail::Bucket.AccessRules.GetObject": "objectAccess"}
	// attrRenames is keyed by resource type and attribute.
	attrRenames = map[string]string{"AWS::EKS::Cluster.CertificateAuthority.Data": "attrCertificateAuthorityCertificateData"}
)

// pascal is camel with the first letter capitalised.
func pascal(s string) string {
	c := []rune(camel(s))
	if len(c) == 0 {
		return ""
	}
	c[0] = unicode.ToUpper(c[0])
	return string(c)
}

func isSep(c rune) bool { return c == '_' || c == '.' || c == '-' || c == ' ' }

// splitCaps inserts a separator where a lower-case letter meets a capital
// and before the last capital of a run that a lower-case letter follows.
func splitCaps(r []rune) []rune {
	out := make([]rune, 0, len(r)+4)
	lastLower, lastUpper, lastLastUpper := false, false, false
	for _, c := range r {
		isLower := unicode.IsLower(c)
		isUpper := unicode.IsUpper(c)
		switch {
		case lastLower && isUpper:
			out = append(out, '-', c)
			lastLower, lastLastUpper, lastUpper = false, lastUpper, true
		case lastUpper && lastLastUpper && isLower:
			prev := out[len(out)-1]
			out = append(out[:len(out)-1], '-', prev, c)
			lastLastUpper, lastUpper, lastLower = lastUpper, false, true
		default:
			out = append(out, c)
			lastLower, lastLastUpper, lastUpper = isLower, lastUpper, isUpper
		}
	}
	return out
}

// l1 names the aws-cdk-lib module and L1 class for a CloudFormation type:
// AWS::S3::Bucket is module "aws-s3", class "CfnBucket". ok is false for a
// type that is not of the Vendor::Service::Resource shape.
func l1(typ string) (module, class string, ok bool) {
	parts := strings.Split(typ, "::")
	if len(parts) != 3 || parts[0] == "" || parts[1] == "" || parts[2] == "" {
		return "", "", false
	}
	for _, p := range parts {
		if !isIdent(p) {
			return "", "", false
		}
	}
	vendor, service := strings.ToLower(parts[0]), strings.ToLower(parts[1])
	if vendor == "aws" && service == "serverless" {
		service = "sam"
	}
	return vendor + "-" + service, "Cfn" + parts[2], true
}

// alias is the import name of an aws-cdk-lib module: "aws-s3" is "s3",
// "alexa-ask" is "alexa_ask".
func alias(module string) string {
	if s, ok := strings.CutPrefix(module, "aws-"); ok {
		return s
	}
	return strings.ReplaceAll(module, "-", "_")
}

// attrGetter is the name of the L1 getter for a GetAtt attribute:
// "Endpoint.Address" is "attrEndpointAddress".
func attrGetter(typ, attr string) string {
	if g, ok := attrRenames[typ+"."+attr]; ok {
		return g
	}
	return "attr" + pascal(strings.ReplaceAll(attr, ".", ""))
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		if !(c == '_' || c == '$' || unicode.IsLetter(c) || (i > 0 && unicode.IsDigit(c))) || c > unicode.MaxASCII {
			return false
		}
	}
	return true
}

// reserved are names a generated variable must not take: TypeScript's
// reserved words and the names the stack file itself binds.
var reserved = map[string]bool{
	"break": true, "case": true, "catch": true, "class": true, "const": true, "continue": true,
	"debugger": true, "default": true, "delete": true, "do": true, "else": true, "enum": true,
	"export": true, "extends": true, "false": true, "finally": true, "for": true, "function": true,
	"if": true, "import": true, "in": true, "instanceof": true, "new": true, "null": true,
	"return": true, "super": true, "switch": true, "this": true, "throw": true, "true": true,
	"try": true, "typeof": true, "var": true, "void": true, "while": true, "with": true,
	"as": true, "implements": true, "interface": true, "let": true, "package": true,
	"private": true, "protected": true, "public": true, "static": true, "yield": true,
	"await": true, "of": true, "any": true, "number": true, "string": true, "boolean": true,
	"undefined": true, "arguments": true, "eval": true, "constructor": true,
	"scope": true, "id": true, "props": true, "Construct": true,
}
