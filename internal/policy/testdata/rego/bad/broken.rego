package org.broken

deny contains msg if {
	some r in input.ir.resources
	msg := sprintf("%s", [x])
}
