package org.raw

# METADATA
# title: Templates declare their format version
# custom:
#   id: ORG-RAW-001
deny contains "template has no AWSTemplateFormatVersion" if {
	input.kind == "cloudformation"
	not input.raw.AWSTemplateFormatVersion
}

# Unannotated: default ID org.raw.warn, default severity low.
warn contains {"msg": "description is short", "line": 1, "severity": "info"} if {
	count(object.get(input.raw, "Description", "")) < 10
}
